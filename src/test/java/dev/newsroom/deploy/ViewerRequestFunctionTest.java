package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.adapter.in.pages.PagesFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution's viewer-request function (template.yaml's SiteViewerHostFunction): the functions behind the
 * distribution see only the query parameters its cache is keyed by, so no answer is kept for an address other
 * than the one it was made for. Its code runs here under Node (CloudFront's runtime is not available).
 */
class ViewerRequestFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode template;
    private static String code;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        code = template.path("Resources").path("SiteViewerHostFunction").path("Properties").path("FunctionCode")
                .get(0).asText();
    }

    @Test
    void itsListsAreTheCachePoliciesKeys_andThePagesActOnTheseAlone() {
        assertEquals(TemplateTest.whitelist(template, "SitePublicCachePolicy"), list("PAGE_QUERY"));
        assertEquals(TemplateTest.whitelist(template, "SiteApiCachePolicy"), list("API_QUERY"));
        assertEquals(new TreeSet<>(PagesFunction.CACHE_KEY_QUERY), list("PAGE_QUERY"));
    }

    @Test
    void aParameterTheCacheIgnores_neverReachesTheFunctions_andASemicolonStaysInsideItsValue() throws Exception {
        assertEquals("{\"month\":{\"value\":\"2026-12\"}}", query("", "/sitemap.xml",
                "{\"x\":{\"value\":\";cpage=1\"},\"month\":{\"value\":\"2026-12\"},\"utm_source\":{\"value\":\"feed\"}}"));
        assertEquals("{\"cpage\":{\"value\":\"2%3Bcomment=x\"}}", query("", "/news/a-story",
                "{\"cpage\":{\"value\":\"2;comment=x\"},\"cursor\":{\"value\":\"c\"},\"%63page\":{\"value\":\"3\"}}"),
                "a page does not read the API's cursor; to API Gateway a ';' would make comment a parameter of its own");
        assertEquals("{\"category\":{\"value\":\"Food%3B%20Drink\"}}", query("", "/articles",
                "{\"category\":{\"value\":\"Food%3B%20Drink\"},\"month\":{\"value\":\"2026-12\"}}"),
                "a value written with %3B is a user's, and kept as it is");
        assertEquals("{\"cursor\":{\"value\":\"abc\"},\"limit\":{\"value\":\"5\"}}", query("", "/articles/a-story/comments",
                "{\"cursor\":{\"value\":\"abc\"},\"limit\":{\"value\":\"5\"},\"month\":{\"value\":\"2026-12\"}}"));
        assertEquals("{\"articles\":{\"value\":\"a,b\",\"multiValue\":[{\"value\":\"a,b\"},{\"value\":\"c%3Bd\"}]}}",
                query("", "/comments/counts", "{\"articles\":{\"value\":\"a,b\",\"multiValue\":[{\"value\":\"a,b\"},{\"value\":\"c;d\"}]}}"));
        JsonNode moved = run("www.example.com", "/articles/a-story/comments.html", "{\"redirect_to\":{\"value\":"
                + "\"https%3A%2F%2Fnews.example%2Fp\"},\"cpage\":{\"value\":\"2\",\"multiValue\":[{\"value\":\"2\"},"
                + "{\"value\":\"3\"}]},\"x\":{\"value\":\"1\"}}");
        assertEquals(301, moved.path("statusCode").asInt(), "the distribution's own name sends readers to the site's");
        assertEquals("https://www.example.com/articles/a-story/comments.html?redirect_to=https%3A%2F%2Fnews.example%2Fp"
                + "&cpage=2&cpage=3", moved.path("headers").path("location").path("value").asText(),
                "values go on as they were sent, every one of a repeated name");
    }

    /** The query the function passes on for {@code uri}, as JSON, with the site's domain {@code site} ("" for none). */
    private static String query(String site, String uri, String querystring) throws Exception {
        JsonNode request = run(site, uri, querystring);
        assertEquals("d1.cloudfront.net", request.path("headers").path("x-forwarded-host").path("value").asText());
        return JSON.writeValueAsString(request.path("querystring"));
    }

    private static JsonNode run(String site, String uri, String querystring) throws Exception {
        assumeTrue(node(), "node is not installed");
        String event = "{\"request\":{\"uri\":\"" + uri + "\",\"headers\":{\"host\":{\"value\":\"d1.cloudfront.net\"}},"
                + "\"querystring\":" + querystring + "}}";
        Path script = Files.createTempFile("viewer-request", ".js");
        try {
            Files.writeString(script, code.replace("${Site}", site) + "\nprocess.stdout.write(JSON.stringify(handler(" + event + ")));\n");
            Process process = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), out);
            return JSON.readTree(out);
        } finally {
            Files.delete(script);
        }
    }

    private static boolean node() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Set<String> list(String name) {
        Matcher m = Pattern.compile("var " + name + " = \\[([^]]*)]").matcher(code);
        assertTrue(m.find(), name);
        Set<String> names = new TreeSet<>();
        for (String quoted : m.group(1).split(",")) {
            names.add(quoted.trim().replace("'", ""));
        }
        return names;
    }
}
