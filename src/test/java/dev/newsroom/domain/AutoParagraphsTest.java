package dev.newsroom.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WordPress's {@code wpautop} as the classic editor's posts and comments get it. */
class AutoParagraphsTest {
    @Test
    void apply_blankLinesMakeParagraphs_andNewlinesBreaks() {
        assertEquals("<p>One<br />\ntwo</p>\n<p>Three</p>\n", AutoParagraphs.apply("One\ntwo\n\nThree"));
        assertEquals("", AutoParagraphs.apply(" \n\n "));
    }

    @Test
    void apply_leavesBlockTagsUnwrapped() {
        assertEquals("<h2>Title</h2>\n<p>Text</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
                AutoParagraphs.apply("<h2>Title</h2>\nText\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
    }

    @Test
    void apply_leavesPreAlone_andNewlinesInsideTags() {
        assertEquals("<p>Code:</p>\n<pre>a\n\nb</pre>\n<p><a\nhref=\"x\">y</a></p>\n",
                AutoParagraphs.apply("Code:\n<pre>a\n\nb</pre>\n<a\nhref=\"x\">y</a>"));
    }

    @Test
    void apply_doubleBreakTagsMakeAParagraph() {
        assertEquals("<p>a</p>\n<p>b</p>\n", AutoParagraphs.apply("a<br><br/>b"));
    }

    @Test
    void apply_longRunsOfSpaces_costNoBacktracking() {
        String spaces = " ".repeat(200_000);
        assertEquals("<p>a" + spaces + "b</p>\n", AutoParagraphs.apply("a" + spaces + "b"));
    }
}
