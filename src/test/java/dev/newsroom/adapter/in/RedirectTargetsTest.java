package dev.newsroom.adapter.in;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a browser may be sent after a form post: allowed origins only, never an open redirect. */
class RedirectTargetsTest {
    private final RedirectTargets targets = new RedirectTargets(List.of("https://www.example.com", "http://127.0.0.1:3000", "*"));

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "https://www.example.com/news/story https://www.example.com/news/story",
            "https://www.example.com https://www.example.com",
            "https://www.example.com/?article=a&x=1#respond https://www.example.com/?article=a&x=1",
            "HTTPS://WWW.EXAMPLE.COM/Story HTTPS://WWW.EXAMPLE.COM/Story",
            "https://www.example.com:443/story https://www.example.com:443/story",
            "http://127.0.0.1:3000/?article=a http://127.0.0.1:3000/?article=a",
            "https://www.example.com/caf%C3%A9 https://www.example.com/caf%C3%A9"})
    void allowedOrigins_areTargets_withoutTheirFragment(String candidate, String target) {
        assertEquals(target, targets.allowed(candidate));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/",
            "//evil.example/",
            "///evil.example/",
            "/relative/path",
            "javascript:alert(1)",
            "JavaScript:alert(1)//https://www.example.com/",
            "data:text/html,<script>alert(1)</script>",
            "https://www.example.com@evil.example/",
            "https://www.example.com:443@evil.example/",
            "https://user:pass@www.example.com/",
            "https://www.example.com\\@evil.example/",
            "https:\\\\evil.example/",
            "https:/\\evil.example",
            "https:evil.example",
            "https://www.example.com.evil.example/",
            "https://evil.example/https://www.example.com/",
            "http://www.example.com/",
            "https://www.example.com:8443/",
            "http://127.0.0.1:3001/",
            "http://localhost:3000/",
            "https://www.example.com/\t/x",
            "https://www.example.com/\n",
            " https://www.example.com/",
            "https://www.example.com/caf\u00e9",
            "https://www.example.com/?q=\"><script>alert(1)</script>",
            "ftp://www.example.com/",
            "*",
            ""})
    void anythingElse_isNoTarget(String candidate) {
        assertNull(targets.allowed(candidate), candidate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "https://www.example.com/"})
    void aWildcardAllowList_allowsNoRedirect(String candidate) {
        assertNull(new RedirectTargets(List.of("*")).allowed(candidate));
    }
}
