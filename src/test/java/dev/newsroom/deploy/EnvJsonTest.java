package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.config.AppConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code env.json} and {@code env.localstack.json} (for {@code sam local invoke/start-api --env-vars}) set only variables
 * the template declares for every function (SAM ignores the others), and the functions read from them the database
 * they name; in AWS the declared {@code LOCAL_DYNAMODB_ENDPOINT} is blank, which means AWS itself.
 */
class EnvJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnvFilesSetDeclaredVariables_andPointTheFunctionsAtTheirDatabase() throws Exception {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        JsonNode declared = template.path("Globals").path("Function").path("Environment").path("Variables");
        assertEquals("", declared.path("LOCAL_DYNAMODB_ENDPOINT").asText("missing"));
        Map<String, String> inAws = new HashMap<>();
        inAws.put("LOCAL_DYNAMODB_ENDPOINT", "");
        assertEquals(null, AppConfig.from(inAws::get).endpoint(), "blank: AWS itself");

        for (String file : new String[]{"env.json", "env.localstack.json"}) {
            JsonNode parameters = JSON.readTree(Path.of(file).toFile()).path("Parameters");
            Map<String, String> env = new HashMap<>();
            parameters.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            for (String name : env.keySet()) {
                assertTrue(declared.has(name) || declaredByAFunction(template, name),
                        file + ": " + name + " is declared by no function of the template, so SAM would ignore it");
            }
            // blank: the functions that sign cursors pick a random secret instead of reading SSM
            assertEquals("", env.getOrDefault("CURSOR_SECRET_PARAMETER", "missing"), file);
            String port = file.equals("env.json") ? "8000" : "4566";
            assertEquals("http://host.docker.internal:" + port, AppConfig.from(env::get).endpoint(), file);
        }
    }

    private static boolean declaredByAFunction(JsonNode template, String name) {
        boolean[] found = {false};
        template.path("Resources").forEach(r -> found[0] |= r.path("Properties").path("Environment").path("Variables").has(name));
        return found[0];
    }
}
