package dev.newsroom.adapter.out.html;

import dev.newsroom.application.port.ArticleHtmlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The contract's article HTML, by jsoup's {@link Cleaner}: an allow-list applied to the tree an HTML5 parser
 * builds (so what is checked is what a browser would see), then links and images finished here. WordPress's
 * block and layout classes are kept (only those); {@code <audio>} and {@code <video>} with https sources play
 * on a reader's click only (never autoplay); no {@code <iframe>}: embeds are links. A public class
 * with a no-arg constructor so tools (the WordPress importer) clean HTML exactly as the API does.
 */
public final class JsoupArticleHtmlSanitizer implements ArticleHtmlSanitizer {
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "b", "i", "u", "s", "blockquote", "cite",
                    "q", "ul", "ol", "li", "figure", "figcaption", "img", "pre", "code", "br", "hr",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "audio", "video", "source")
            .addAttributes(":all", "class")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("audio", "src", "controls", "preload")
            .addAttributes("video", "src", "controls", "preload", "poster", "width", "height")
            .addAttributes("source", "src", "type")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "https")
            .addProtocols("audio", "src", "https")
            .addProtocols("video", "src", "https")
            .addProtocols("video", "poster", "https")
            .addProtocols("source", "src", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https");
    private static final Set<String> BLOCKS = Set.of("div", "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "figure", "figcaption", "pre", "hr", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td");
    /** Attributes that must be a whole number (of pixels, columns or rows); any other value is dropped. */
    private static final List<String> SIZES = List.of("width", "height", "colspan", "rowspan");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}");
    /**
     * The classes kept: WordPress's block and layout classes, which the pages' stylesheet ({@code content.css})
     * renders (alignment, image sizes, galleries, embeds); any other class is dropped, so an article cannot take
     * on the page's own classes.
     */
    private static final Pattern KEPT_CLASS = Pattern.compile("wp-[a-z0-9_-]{1,60}|align(left|right|center|wide|full|none)"
            + "|size-[a-z0-9_-]{1,40}|is-[a-z0-9_-]{1,40}|has-[a-z0-9_-]{1,40}|columns-[1-9]|gallery(-[a-z0-9_-]{1,40})?"
            + "|blocks-gallery-[a-z0-9_-]{1,40}");

    private final Set<String> siteHosts;

    /** Every absolute link leaves the site. */
    public JsoupArticleHtmlSanitizer() {
        this(List.of());
    }

    /** Links to the hosts of {@code siteOrigins} (such as {@code https://www.example.com}) stay on the site. */
    public JsoupArticleHtmlSanitizer(Collection<String> siteOrigins) {
        this.siteHosts = siteOrigins.stream().map(JsoupArticleHtmlSanitizer::host).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String sanitize(String html) {
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(html == null ? "" : html));
        clean.outputSettings().prettyPrint(false);
        for (Element img : clean.select("img")) {
            if (!img.hasAttr("src")) {
                img.remove();
            }
        }
        for (Element sized : clean.select("[width], [height], [colspan], [rowspan]")) {
            for (String size : SIZES) {
                if (sized.hasAttr(size) && !NUMBER.matcher(sized.attr(size).strip()).matches()) {
                    sized.removeAttr(size);
                }
            }
        }
        for (Element classed : clean.select("[class]")) {
            String kept = Arrays.stream(classed.className().strip().split("\\s+"))
                    .filter(c -> KEPT_CLASS.matcher(c).matches()).distinct().limit(12).collect(Collectors.joining(" "));
            if (kept.isEmpty()) {
                classed.removeAttr("class");
            } else {
                classed.attr("class", kept);
            }
        }
        for (Element media : clean.select("audio, video")) {
            if (!media.hasAttr("src") && media.select("source[src]").isEmpty()) {
                media.remove();
            } else {
                media.attr("controls", "");
            }
        }
        for (Element a : clean.select("a")) {
            if (!a.hasAttr("href")) {
                a.unwrap();
            } else if (leavesSite(a.attr("href"))) {
                a.attr("rel", "noopener");
            }
        }
        return clean.body().html();
    }

    @Override
    public List<String> paragraphs(String sanitizedHtml) {
        List<String> paragraphs = new ArrayList<>();
        collect(Jsoup.parseBodyFragment(sanitizedHtml).body(), paragraphs);
        return paragraphs;
    }

    /** Each block without blocks inside gives its text; text between blocks is a paragraph of its own. */
    private static void collect(Element container, List<String> paragraphs) {
        StringBuilder loose = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
                add(loose.toString(), paragraphs);
                loose.setLength(0);
                if (e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()))) {
                    collect(e, paragraphs);
                } else {
                    add(e.text(), paragraphs);
                }
            } else if (child instanceof Element e) {
                loose.append(e.text());
            } else if (child instanceof TextNode t) {
                loose.append(t.text());
            }
        }
        add(loose.toString(), paragraphs);
    }

    private static void add(String text, List<String> paragraphs) {
        String paragraph = text.strip().replaceAll("\\s+", " ");
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
    }

    private boolean leavesSite(String href) {
        String lower = href.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("http:") || lower.startsWith("https:")) && !siteHosts.contains(host(href));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
