package dev.newsroom.deploy;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/openapi.yaml} is a valid OpenAPI document as swagger-parser reads it (the parser behind Swagger's
 * editor and code generators): with its references resolved, it reports no error and no warning. Each broken copy
 * below must be refused, so the check cannot pass by reading nothing.
 */
class OpenApiDocumentTest {
    private static final Path DOCUMENT = Path.of("docs/openapi.yaml");

    @Test
    void document_isValidOpenApi_withNoErrorOrWarning() throws IOException {
        assertEquals(List.of(), problems(Files.readString(DOCUMENT)));
    }

    @Test
    void validator_refusesBrokenCopies() throws IOException {
        String valid = Files.readString(DOCUMENT);
        // An unquoted comma inside a flow mapping ends the description: the rest becomes an unexpected key.
        assertRefused(valid, valid.replaceFirst("(\"200\": \\{ description: [^,\"]+),", "$1, drafts included,"));
        assertRefused(valid, valid.replaceFirst("#/components/schemas/[A-Za-z]+\"", "#/components/schemas/NoSuchSchema\""));
        assertRefused(valid, valid.replaceFirst("(?m)^info:", "about:"));
    }

    private static void assertRefused(String valid, String broken) {
        assertNotEquals(valid, broken, "the copy was not broken");
        assertTrue(!problems(broken).isEmpty(), "a broken copy passed the validator");
    }

    /** Every error and warning the parser reports, or that it could read no document at all. */
    private static List<String> problems(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        List<String> problems = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            problems.add("no OpenAPI document could be read");
        }
        return problems;
    }
}
