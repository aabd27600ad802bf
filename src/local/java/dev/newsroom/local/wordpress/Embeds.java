package dev.newsroom.local.wordpress;

import dev.newsroom.domain.HtmlText;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embeds as a privacy-friendly link card: a URL of YouTube, Vimeo, X (Twitter) or Instagram on a line of its own
 * (or alone in a paragraph), or in {@code [embed]}, becomes a {@code <figure class="wp-block-embed ...">} holding a
 * link to it; nothing is loaded from the provider until the reader follows the link. Other URLs stay as they are
 * (WordPress embeds only its known providers).
 */
final class Embeds {
    private record Provider(String name, String slug, Pattern url) {
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("YouTube", "youtube", Pattern.compile("https?://((www|m)\\.)?(youtube\\.com/(watch|shorts/|live/|playlist)|youtu\\.be/)\\S*", Pattern.CASE_INSENSITIVE)),
            new Provider("Vimeo", "vimeo", Pattern.compile("https?://(www\\.|player\\.)?vimeo\\.com/\\S+", Pattern.CASE_INSENSITIVE)),
            new Provider("X", "twitter", Pattern.compile("https?://(www\\.|mobile\\.)?(twitter|x)\\.com/\\w{1,15}/status(es)?/\\S+", Pattern.CASE_INSENSITIVE)),
            new Provider("Instagram", "instagram", Pattern.compile("https?://(www\\.)?instagr(\\.am|am\\.com)/(p|reel|tv)/\\S+", Pattern.CASE_INSENSITIVE)));
    /** A URL alone on its line, or alone in a paragraph (the block editor's form), as WordPress's autoembed finds. */
    private static final Pattern ALONE = Pattern.compile(
            "(?m)^(\\s*)(https?://[^\\s<>\"]+)(\\s*)$|(<p(?: [^>]*)?>\\s*)(https?://[^\\s<>\"]+)(\\s*</p>)", Pattern.CASE_INSENSITIVE);

    private Embeds() {
    }

    /** {@code content} with each known provider's URL alone on a line made a link card. */
    static String autoEmbed(String content) {
        if (!content.contains("http")) {
            return content;
        }
        Matcher m = ALONE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group(2) != null ? m.group(2) : m.group(5);
            Optional<String> card = card(url);
            m.appendReplacement(out, Matcher.quoteReplacement(card.map(c -> "\n" + c + "\n").orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The link card for {@code url}: the provider's name when it is a known one, else the host. */
    static Optional<String> card(String url) {
        String trimmed = url.strip();
        for (Provider p : PROVIDERS) {
            if (p.url().matcher(trimmed).matches()) {
                return Optional.of(card(trimmed, p.name(), p.slug()));
            }
        }
        return Optional.empty();
    }

    /** {@code [embed]URL[/embed]}: a link card for any web address (an unknown provider's named by its host). */
    static String anyCard(String url) {
        String trimmed = url.strip();
        if (!trimmed.matches("(?i)https?://[^\\s<>\"]+")) {
            return HtmlText.escape(url);
        }
        return card(trimmed).orElseGet(() -> card(trimmed, trimmed.replaceFirst("(?i)^https?://([^/]+).*$", "$1"), "link"));
    }

    private static String card(String url, String provider, String slug) {
        String shown = url.replaceFirst("(?i)^https?://(www\\.)?", "");
        return "<figure class=\"wp-block-embed is-provider-" + slug + " wp-block-embed-" + slug + "\"><p><a href=\""
                + HtmlText.escape(url) + "\">" + HtmlText.escape(provider) + ": " + HtmlText.escape(shown) + "</a></p></figure>";
    }
}
