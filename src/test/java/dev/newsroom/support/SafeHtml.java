package dev.newsroom.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An oracle for HTML the service writes, independent of the code that wrote it: the HTML is parsed as a browser
 * parses it (an HTML5 parser), and every element and attribute must be on the given allow-list, every URL attribute
 * an {@code http}, {@code https} or {@code mailto} URL once the browser has decoded it, and no attribute an event
 * handler.
 */
public final class SafeHtml {
    private final Map<String, Set<String>> allowed;
    private final Set<String> urlAttributes;

    public SafeHtml(Map<String, Set<String>> allowed, Set<String> urlAttributes) {
        this.allowed = allowed;
        this.urlAttributes = urlAttributes;
    }

    /** Comment HTML: WordPress's comment tags, the paragraphs and breaks it adds, and {@code rel} on links. */
    public static SafeHtml comments() {
        return new SafeHtml(Map.ofEntries(Map.entry("a", Set.of("href", "title", "rel")),
                Map.entry("abbr", Set.of("title")), Map.entry("acronym", Set.of("title")), Map.entry("b", Set.of()),
                Map.entry("blockquote", Set.of("cite")), Map.entry("cite", Set.of()), Map.entry("code", Set.of()),
                Map.entry("del", Set.of("datetime")), Map.entry("em", Set.of()), Map.entry("i", Set.of()),
                Map.entry("q", Set.of("cite")), Map.entry("s", Set.of()), Map.entry("strike", Set.of()),
                Map.entry("strong", Set.of()), Map.entry("p", Set.of()), Map.entry("br", Set.of())),
                Set.of("href", "cite"));
    }

    /** Article HTML: the contract's elements and attributes for article bodies, and {@code rel} on links. */
    public static SafeHtml articles() {
        Map<String, Set<String>> allowed = new java.util.HashMap<>();
        for (String tag : List.of("p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "cite", "ul",
                "ol", "li", "figure", "figcaption", "pre", "code", "br", "hr", "table", "caption", "thead", "tbody",
                "tfoot", "tr")) {
            allowed.put(tag, Set.of());
        }
        allowed.put("a", Set.of("href", "rel"));
        allowed.put("img", Set.of("src", "alt", "width", "height"));
        allowed.put("blockquote", Set.of("cite"));
        allowed.put("q", Set.of("cite"));
        allowed.put("th", Set.of("colspan", "rowspan", "scope"));
        allowed.put("td", Set.of("colspan", "rowspan"));
        return new SafeHtml(allowed, Set.of("href", "src", "cite"));
    }

    /** What is wrong with {@code html}; empty when it is safe. */
    public List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        Element body = parse(html);
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            Set<String> attributes = allowed.get(e.normalName());
            if (attributes == null) {
                problems.add("element <" + e.normalName() + ">");
                continue;
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || !attributes.contains(name)) {
                    problems.add("attribute " + name + " on <" + e.normalName() + ">");
                } else if (urlAttributes.contains(name) && !isSafeUrl(a.getValue())) {
                    problems.add("URL " + a.getValue() + " in <" + e.normalName() + ">");
                }
            }
        }
        return problems;
    }

    /**
     * The body a browser builds from {@code html}. jsoup reads U+FFFF as the end of its input, where a browser reads
     * on past it (a noncharacter, kept as text), so it is swapped for U+FFFD first.
     */
    public static Element parse(String html) {
        return Jsoup.parseBodyFragment(html.replace('\uffff', '\ufffd')).body();
    }

    private static boolean isSafeUrl(String url) {
        StringBuilder cleaned = new StringBuilder();
        for (char c : url.toCharArray()) {
            if (c > 0x20 && c != 0x7f) {
                cleaned.append(c);
            }
        }
        String u = cleaned.toString().toLowerCase(Locale.ROOT);
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("mailto:");
    }
}
