package dev.newsroom.local.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A post's content as the article's paragraphs of text. WordPress's classic editor stores paragraphs as blank
 * lines (its auto-paragraph rule adds the {@code <p>} when showing them) and the block editor as
 * {@code <p>} elements between {@code <!-- wp:... -->} comments: both become one paragraph per block, tags
 * removed, XML's entities and numeric character references decoded, spaces collapsed.
 */
final class PostBody {
    private static final Pattern BLOCK_BREAK = Pattern.compile(
            "\\n\\s*\\n|<!--.*?-->|</?(?:p|div|h[1-6]|blockquote|ul|ol|li|figure|figcaption|pre|table|tr|hr)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private PostBody() {
    }

    static List<String> paragraphs(String content) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLOCK_BREAK.split(content.replace("\r\n", "\n"))) {
            String text = decode(TAG.matcher(block.replaceAll("(?i)<br\\s*/?>", " ")).replaceAll(""))
                    .replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    private static String decode(String text) {
        String numeric = NUMERIC.matcher(text).replaceAll(m -> {
            String n = m.group(1);
            int code = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            return Character.isValidCodePoint(code) ? java.util.regex.Matcher.quoteReplacement(Character.toString(code)) : "";
        });
        return numeric.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#039;", "'").replace("&amp;", "&");
    }
}
