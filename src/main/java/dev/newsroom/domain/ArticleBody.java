package dev.newsroom.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The two forms of an article's body that do not need an HTML parser: HTML from plain paragraphs, and an excerpt. */
public final class ArticleBody {
    /** WordPress's excerpt length in words ({@code excerpt_length}) and what marks a cut ({@code excerpt_more}). */
    static final int EXCERPT_WORDS = 55;
    static final String EXCERPT_MORE = " [\u2026]";

    private ArticleBody() {
    }

    /** Each paragraph, escaped, as a {@code <p>}: the HTML of an article written as plain paragraphs. */
    public static String html(List<String> paragraphs) {
        return paragraphs.stream().map(p -> "<p>" + HtmlText.escape(p) + "</p>").collect(Collectors.joining("\n"));
    }

    /**
     * An excerpt as WordPress makes one when none is written: the first 55 words of the text, and " […]" when
     * there is more; never longer than {@code maxLength} characters.
     */
    public static String excerpt(List<String> paragraphs, int maxLength) {
        String[] words = String.join(" ", paragraphs).strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            return "";
        }
        boolean more = words.length > EXCERPT_WORDS;
        String text = String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, EXCERPT_WORDS)));
        if (text.length() + (more ? EXCERPT_MORE.length() : 0) > maxLength) {
            int end = maxLength - EXCERPT_MORE.length();
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end).strip();
            more = true;
        }
        return more ? text + EXCERPT_MORE : text;
    }
}
