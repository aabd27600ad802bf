package dev.newsroom.domain;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.support.SafeHtml;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jazzer fuzz test of the comment formatter. A normal build replays the saved inputs under
 * {@code src/test/resources/.../CommentHtmlFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it explores. The properties:
 * whatever the text, the HTML parses (as a browser parses it) into allowed elements and attributes only, with
 * safe link targets, and {@link CommentHtml#linksIn} counts exactly the links shown.
 */
class CommentHtmlFuzzTest {
    private static final SafeHtml COMMENTS = SafeHtml.comments();

    @FuzzTest(maxDuration = "60s")
    void format(FuzzedDataProvider data) {
        String content = data.consumeRemainingAsString();
        String html = CommentHtml.format(content);
        assertEquals(List.of(), COMMENTS.problems(html), () -> content + "\n=> " + html);
        assertEquals(SafeHtml.parse(html).select("a[href]").size(), CommentHtml.linksIn(html), html);
    }
}
