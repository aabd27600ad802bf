package dev.newsroom.architecture;

import dev.newsroom.config.AppConfig;
import dev.newsroom.config.AppContext;
import dev.newsroom.domain.ArticleDraft;
import dev.newsroom.support.DynamoDbLocal;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading articles and comments, and submitting comments, load no class of the article sanitizer or its HTML
 * library: the functions run in a class loader of their own (every class of ours and of our libraries loaded
 * through it, and recorded), against DynamoDB Local over HTTP. An editor's HTML write then loads them, which
 * shows that the record sees them when they are loaded.
 */
class SanitizerClassLoadingTest {
    private static final String SLUG = "class-loading";

    @Test
    void readsAndSubmissions_loadNoSanitizer_andAnHtmlWriteDoes() throws Exception {
        var dynamo = AppContext.dynamoClient(AppConfig.from(DynamoDbLocal.httpSettings()::get));
        AppContext seeding = DynamoDbLocal.context(Clock.systemUTC(), Map.of(), dynamo);
        seeding.articles().create(new ArticleDraft(SLUG, "Title", "Excerpt", List.of("Paragraph."), List.of(),
                null, List.of(), List.of(), "published", true, null));
        Map<String, String> settings = new HashMap<>(DynamoDbLocal.httpSettings());
        settings.put("TABLE_NAME", seeding.config().tableName());
        settings.put("CORS_ALLOWED_ORIGINS", "https://www.example.com");

        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> calls = loader.loadClass(IsolatedCalls.class.getName());
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                assertEquals("200 200 200 202", calls.getMethod("readAndSubmit", Map.class, String.class)
                        .invoke(null, settings, SLUG));
                assertEquals(Set.of(), loader.loaded("org.jsoup.", "dev.newsroom.adapter.out.html."));
                assertEquals("201", calls.getMethod("writeHtml", Map.class).invoke(null, settings));
                assertTrue(loader.loaded("org.jsoup.").contains("org.jsoup.safety.Cleaner"), "the record sees jsoup");
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    /** Loads every class on the test class path itself (the JDK's from the platform), recording each name. */
    private static final class RecordingLoader extends URLClassLoader {
        private final Set<String> names = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            names.add(name);
            return super.loadClass(name, resolve);
        }

        Set<String> loaded(String... prefixes) {
            return names.stream().filter(n -> Arrays.stream(prefixes).anyMatch(n::startsWith))
                    .collect(java.util.stream.Collectors.toSet());
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
                try {
                    return Path.of(entry).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }
}
