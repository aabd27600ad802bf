package dev.newsroom.adapter.in;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryParametersTest {
    @Test
    void theNamedParametersGo_withOrWithoutAValue_andEveryOtherStaysInItsOrder() {
        Set<String> names = Set.of("cpage", "moderation");
        assertEquals("https://a.example/p?x=1&y=2",
                QueryParameters.without("https://a.example/p?cpage=2&x=1&moderation&y=2&moderation=held", names));
        assertEquals("https://a.example/p", QueryParameters.without("https://a.example/p?cpage=3", names));
        assertEquals("https://a.example/p", QueryParameters.without("https://a.example/p", names));
        assertEquals("https://a.example/p?cpages=1&x=cpage%3D2", QueryParameters.without(
                "https://a.example/p?cpages=1&&x=cpage%3D2", names), "a name is matched whole; empty parameters go");
    }
}
