package dev.newsroom.local.wordpress;

import dev.newsroom.domain.ArticleRules;

/**
 * How many characters of each field the reader keeps: beyond these the field is read past, not held, and its
 * record refused with the field's place. A post's content may be up to four times the article's HTML limit
 * before it is rendered (block comments and shortcodes shrink or grow it; the rendered body is checked against
 * the limit itself); a comment four times WordPress's byte limit; any other field 64 Ki characters.
 */
final class FieldLimits {
    static final int CONTENT = 4 * ArticleRules.MAX_BODY_HTML_BYTES;
    static final int COMMENT = 4 * 65_525;
    static final int TEXT = 1 << 16;

    private FieldLimits() {
    }
}
