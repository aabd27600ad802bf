package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleBodyTest {
    @Test
    void html_escapesEachParagraph() {
        assertEquals("<p>AT&amp;T &lt;b&gt; &amp;copy;</p>\n<p>Two</p>", ArticleBody.html(List.of("AT&T <b> &copy;", "Two")));
    }

    @Test
    void excerpt_isTheFirst55Words_asWordPressCutsIt() {
        String sixty = "word ".repeat(60).strip();
        assertEquals("word ".repeat(55).strip() + " [\u2026]", ArticleBody.excerpt(List.of(sixty), 1000));
        assertEquals("One two. Three.", ArticleBody.excerpt(List.of("One  two.", "Three."), 1000));
        assertEquals("", ArticleBody.excerpt(List.of(), 1000));
    }

    @Test
    void excerpt_staysWithinTheLimit() {
        String excerpt = ArticleBody.excerpt(List.of("x".repeat(2000)), 1000);
        assertEquals(1000, excerpt.length());
        assertEquals(" [\u2026]", excerpt.substring(996));
    }
}
