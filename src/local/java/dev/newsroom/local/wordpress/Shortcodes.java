package dev.newsroom.local.wordpress;

import dev.newsroom.domain.HtmlText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's own shortcodes made the HTML WordPress renders for them (then sanitized as any article HTML):
 * {@code [caption]} a {@code <figure>} with its {@code <figcaption>}; {@code [gallery]} (ids, columns, size, link;
 * without ids, the images uploaded to the post) a grid of figures from the export's media; {@code [embed]} a link
 * card ({@link Embeds}); {@code [audio]} and {@code [video]} their elements with every source given. A shortcode
 * escaped as {@code [[name]]} is shown as {@code [name]}; any other shortcode is kept as text and counted by name.
 */
final class Shortcodes {
    private static final String NAMES = "caption|wp_caption|gallery|embed|audio|video";
    /**
     * WordPress's shortcode pattern (get_shortcode_regex) for the names above, its attributes never crossing a
     * {@code [} (WordPress forbids square brackets in attribute values), so an opening tag left unclosed is given up
     * at the next bracket instead of at the end of the content.
     */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)(" + NAMES + ")(?![\\w-])([^\\[\\]/]*(?:/(?!\\])[^\\[\\]/]*)*?)"
            + "(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)");
    private static final Set<String> KNOWN = Set.of(NAMES.split("\\|"));
    private static final Pattern OTHER = Pattern.compile("\\[(\\[?)([a-z][a-z0-9_-]*)(?![\\w-])[^\\[\\]]*\\]");
    private static final Pattern CAPTIONED = Pattern.compile("^\\s*((?:<a [^>]+>\\s*)?<img [^>]+>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL);
    private static final List<String> AUDIO = List.of("src", "mp3", "m4a", "ogg", "wav", "flac");
    private static final List<String> VIDEO = List.of("src", "mp4", "m4v", "webm", "ogv", "mov");
    private final MediaLibrary media;

    Shortcodes(MediaLibrary media) {
        this.media = media;
    }

    /** The rendering of one post's content, and the other shortcodes it holds (kept as text) by name. */
    record Rendered(String html, Map<String, Integer> unknown) {
    }

    Rendered render(String content, long postId) {
        if (content.indexOf('[') < 0) {
            return new Rendered(content, Map.of());
        }
        Matcher m = SHORTCODE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).equals("[") && m.group(6).equals("]")) {
                replacement = m.group().substring(1, m.group().length() - 1); // [[caption]] shows [caption]
            } else {
                ShortcodeAttributes attributes = ShortcodeAttributes.parse(m.group(3));
                String inner = m.group(5) == null ? "" : m.group(5);
                replacement = m.group(1) + one(m.group(2), attributes, inner, postId) + m.group(6);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Rendered(out.toString(), unknown(content));
    }

    private String one(String name, ShortcodeAttributes a, String inner, long postId) {
        return switch (name) {
            case "caption", "wp_caption" -> caption(a, inner);
            case "gallery" -> gallery(a, postId);
            case "embed" -> Embeds.anyCard(inner.isBlank() ? a.get("src", "") : inner);
            case "audio" -> media("audio", a, AUDIO);
            default -> media("video", a, VIDEO);
        };
    }

    private static String caption(ShortcodeAttributes a, String inner) {
        String caption = a.get("caption", "");
        String shown = inner;
        if (caption.isEmpty()) {
            Matcher m = CAPTIONED.matcher(inner);
            if (m.matches()) {
                shown = m.group(1);
                caption = m.group(2).strip();
            }
        }
        String align = a.get("align", "alignnone").replaceAll("[^a-z]", "");
        return "<figure class=\"wp-caption " + align + "\">" + shown.strip()
                + (caption.isEmpty() ? "" : "<figcaption class=\"wp-caption-text\">" + caption + "</figcaption>") + "</figure>";
    }

    private String gallery(ShortcodeAttributes a, long postId) {
        List<Attachment> images = new ArrayList<>();
        String ids = a.get("ids", a.get("include", ""));
        if (ids.isEmpty()) {
            images.addAll(media.childrenOf(postId));
        } else {
            Arrays.stream(ids.split(",")).map(String::strip).filter(s -> s.matches("[0-9]{1,18}"))
                    .forEach(id -> media.find(Long.parseLong(id)).ifPresent(images::add));
        }
        int columns = a.number("columns", 3, 1, 9);
        String size = a.get("size", "thumbnail").replaceAll("[^\\w-]", "");
        String link = a.get("link", "");
        StringBuilder html = new StringBuilder("<figure class=\"wp-block-gallery gallery columns-").append(columns)
                .append(" gallery-size-").append(size).append("\">");
        for (Attachment image : images) {
            Attachment.Size shown = image.size(size);
            String img = "<img src=\"" + HtmlText.escape(shown.url()) + "\" alt=\"" + HtmlText.escape(image.alt()) + "\""
                    + dimension("width", shown.width()) + dimension("height", shown.height()) + ">";
            String target = link.equals("none") ? null : image.url();
            html.append("<figure class=\"gallery-item wp-block-image\">")
                    .append(target == null ? img : "<a href=\"" + HtmlText.escape(target) + "\">" + img + "</a>");
            if (!image.caption().isEmpty()) {
                html.append("<figcaption class=\"wp-caption-text gallery-caption\">").append(image.caption()).append("</figcaption>");
            }
            html.append("</figure>");
        }
        return html.append("</figure>").toString();
    }

    private static String media(String element, ShortcodeAttributes a, List<String> sourceNames) {
        List<String> sources = sourceNames.stream().map(n -> a.get(n, "")).filter(s -> !s.isEmpty()).distinct().toList();
        if (sources.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<figure class=\"wp-block-").append(element).append("\"><").append(element)
                .append(" controls preload=\"metadata\"");
        if (element.equals("video")) {
            String poster = a.get("poster", "");
            html.append(poster.isEmpty() ? "" : " poster=\"" + HtmlText.escape(poster) + "\"")
                    .append(dimension("width", a.number("width", 0, 0, 99_999)))
                    .append(dimension("height", a.number("height", 0, 0, 99_999)));
        }
        html.append('>');
        for (String source : sources) {
            html.append("<source src=\"").append(HtmlText.escape(source)).append("\">");
        }
        html.append("<a href=\"").append(HtmlText.escape(sources.get(0))).append("\">")
                .append(HtmlText.escape(sources.get(0).replaceFirst("^.*/", ""))).append("</a>");
        return html.append("</").append(element).append("></figure>").toString();
    }

    private static String dimension(String name, Integer value) {
        return value == null || value <= 0 ? "" : " " + name + "=\"" + value + "\"";
    }

    /** The shortcodes of {@code content} not rendered here, by name (an escaped one, {@code [[name]]}, is not counted). */
    private static Map<String, Integer> unknown(String content) {
        Map<String, Integer> names = new TreeMap<>();
        Matcher m = OTHER.matcher(content);
        while (m.find()) {
            if (m.group(1).isEmpty() && !KNOWN.contains(m.group(2))) {
                names.merge(m.group(2), 1, Integer::sum);
            }
        }
        return names;
    }
}
