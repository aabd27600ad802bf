package dev.newsroom.local.wordpress;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2, an RSS 2.0 document) as a stream with the JDK's StAX parser: one
 * {@code <item>} at a time is held, handed over, and dropped, so a file of any size reads in little memory.
 * The parser is set for untrusted files: a DOCTYPE is refused (WXR has none), so no DTD is read, no external
 * entity is fetched and no entity is expanded; only XML's five predefined entities and character references are.
 */
public final class WxrReader {
    /** What is done with each post as soon as it has been read. */
    @FunctionalInterface
    public interface PostHandler {
        void accept(WxrSite site, WxrPost post);
    }

    /** WordPress's export namespace as any WordPress wrote it: http or https, with or without the version. */
    private static final Pattern WP_URI = Pattern.compile("https?://(www\\.)?wordpress\\.org/export/([0-9.]+/)?");
    private static final Pattern EXCERPT_URI = Pattern.compile("https?://(www\\.)?wordpress\\.org/export/([0-9.]+/)?excerpt/?");
    private static final Pattern CONTENT_URI = Pattern.compile("https?://purl\\.org/rss/1\\.0/modules/content/?");
    /** The post meta kept: a post's featured image, an attachment's file, sizes and alt text. */
    private static final Set<String> META_KEYS = Set.of("_thumbnail_id", "_wp_attached_file", "_wp_attachment_metadata",
            "_wp_attachment_image_alt");
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final Set<String> POST_FIELDS = Set.of("post_id", "post_date", "post_date_gmt", "post_modified",
            "post_modified_gmt", "comment_status", "post_name", "status", "post_type", "post_password", "post_parent", "attachment_url");
    private static final Set<String> COMMENT_FIELDS = Set.of("comment_id", "comment_author", "comment_author_email",
            "comment_author_url", "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
            "comment_approved", "comment_type", "comment_parent");
    private final XMLStreamReader xml;
    private static final int MAX_NAMESPACES = 64;
    private final Map<String, Namespace> namespaces = new HashMap<>();

    private WxrReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Reads the whole file, handing each post to {@code handler} in file order; returns the site. */
    public static WxrSite read(InputStream in, PostHandler handler) throws WxrException {
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        try {
            return new WxrReader(xml).document(handler);
        } catch (XMLStreamException e) {
            throw failure(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream's owner closes the file
            }
        }
    }

    /** A parser set for untrusted files, as this reader uses (for other exports' readers too). */
    public static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // CDATA sections handed over in pieces, as character data is, so no field is ever held whole by the parser
        factory.setProperty("jdk.xml.cdataChunkSize", 1 << 16);
        return factory;
    }

    private WxrSite document(PostHandler handler) throws XMLStreamException, WxrException {
        if (nextElement() != XMLStreamConstants.START_ELEMENT) {
            throw notWxr("the file holds no XML element");
        }
        if (!xml.getLocalName().equals("rss")) {
            throw notWxr("the document is <" + xml.getLocalName() + ">, not an RSS document (<rss>)");
        }
        String version = null;
        String url = null;
        String blogUrl = null;
        String link = null;
        WxrSite site = null;
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("channel")) {
                skipElement();
                continue;
            }
            while (nextElement() == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (isWordPress() && name.equals("wxr_version")) {
                    Position at = here();
                    version = channelText();
                    if (!VERSIONS.contains(version)) {
                        throw new WxrException("WXR version \"" + version + "\" is not one this import reads (1.0 to 1.2)", at);
                    }
                } else if (isWordPress() && name.equals("base_site_url")) {
                    url = channelText();
                } else if (isWordPress() && name.equals("base_blog_url")) {
                    blogUrl = channelText();
                } else if (xml.getNamespaceURI() == null && name.equals("link")) {
                    link = channelText();
                } else if (xml.getNamespaceURI() == null && name.equals("item")) {
                    if (version == null) {
                        throw notWxr("an <item> comes before any <wp:wxr_version> (the export's version, in WordPress's export "
                                + "namespace, such as xmlns:wp=\"http://wordpress.org/export/1.2/\"): this RSS feed is not a WordPress export");
                    }
                    if (site == null) {
                        // the blog's own URL: every blog of a multisite network exports the network's as base_site_url
                        site = new WxrSite(version, firstGiven(blogUrl, url, link));
                    }
                    handler.accept(site, item());
                } else {
                    skipElement();
                }
            }
        }
        if (xml.getEventType() != XMLStreamConstants.END_DOCUMENT) {
            while (xml.hasNext()) {
                xml.next();
            }
        }
        if (version == null) {
            throw notWxr("no <wp:wxr_version> in the channel (the export's version, in WordPress's export namespace, such as "
                    + "xmlns:wp=\"http://wordpress.org/export/1.2/\"): this is not a WordPress export");
        }
        return site != null ? site : new WxrSite(version, url != null && !url.isEmpty() ? url : link == null ? "" : link);
    }

    private WxrPost item() throws XMLStreamException {
        Fields fields = new Fields(here());
        List<String> categories = new ArrayList<>();
        List<WxrRecord> comments = new ArrayList<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (ns == null && (name.equals("title") || name.equals("link"))) {
                fields.read(name, FieldLimits.TEXT);
            } else if (isContent() && name.equals("encoded")) {
                fields.read("content", FieldLimits.CONTENT);
            } else if (isExcerpt() && name.equals("encoded")) {
                fields.read("excerpt", FieldLimits.TEXT);
            } else if (ns == null && name.equals("category") && "category".equals(xml.getAttributeValue(null, "domain"))) {
                String category = text(FieldLimits.TEXT);
                category = category == null ? "" : category.trim();
                if (!category.isEmpty() && !categories.contains(category)) {
                    categories.add(category);
                }
            } else if (isWordPress() && name.equals("comment")) {
                comments.add(record(COMMENT_FIELDS));
            } else if (isWordPress() && name.equals("postmeta")) {
                meta(fields);
            } else if (isWordPress() && POST_FIELDS.contains(name)) {
                fields.read(name, FieldLimits.TEXT);
            } else {
                skipElement();
            }
        }
        return new WxrPost(fields.record(), categories, comments);
    }

    /** A {@code <wp:postmeta>} whose key is one this import uses: kept as the field {@code meta:KEY}. */
    private void meta(Fields fields) throws XMLStreamException {
        String key = null;
        String value = null;
        Position at = null;
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            if (isWordPress() && xml.getLocalName().equals("meta_key")) {
                key = text(FieldLimits.TEXT);
            } else if (isWordPress() && xml.getLocalName().equals("meta_value")) {
                at = here();
                value = text(FieldLimits.TEXT);
            } else {
                skipElement();
            }
        }
        if (key != null && META_KEYS.contains(key.trim()) && at != null) {
            fields.put("meta:" + key.trim(), value, at);
        }
    }

    private WxrRecord record(Set<String> names) throws XMLStreamException {
        Fields fields = new Fields(here());
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (isWordPress() && names.contains(name)) {
                fields.read(name, name.equals("comment_content") ? FieldLimits.COMMENT : FieldLimits.TEXT);
            } else {
                skipElement();
            }
        }
        return fields.record();
    }

    /** The fields of one record as they are read, each with its place; one over its bound is kept as its place only. */
    private final class Fields {
        private final Position start;
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Position> positions = new HashMap<>();
        private final Map<String, Integer> oversize = new HashMap<>();

        Fields(Position start) {
            this.start = start;
        }

        void read(String name, int limit) throws XMLStreamException {
            Position at = here();
            String text = text(limit);
            if (text == null) {
                oversize.put(name, limit);
                values.remove(name);
                positions.put(name, at);
            } else {
                put(name, text, at);
            }
        }

        void put(String name, String value, Position at) {
            positions.put(name, at);
            if (value == null) {
                oversize.put(name, FieldLimits.TEXT);
            } else {
                values.put(name, value);
            }
        }

        WxrRecord record() {
            return new WxrRecord(start, values, positions, oversize);
        }
    }

    /** The current element's text, or null when over {@code limit} characters ({@link BoundedText}). */
    private String text(int limit) throws XMLStreamException {
        return BoundedText.read(xml, limit);
    }

    /** The text of a channel field; one over the bound is refused as the file's. */
    private String channelText() throws XMLStreamException, WxrException {
        Position at = here();
        String text = text(FieldLimits.TEXT);
        if (text == null) {
            throw new WxrException("<" + xml.getLocalName() + "> is over " + FieldLimits.TEXT + " characters", at);
        }
        return text.trim();
    }

    private int nextElement() throws XMLStreamException {
        return XmlSteps.nextElement(xml, "a WordPress export");
    }

    private void skipElement() throws XMLStreamException {
        XmlSteps.skipElement(xml, "a WordPress export");
    }

    /**
     * Whether the current element is in WordPress's export namespace: the URI the file binds to {@code wp} (as
     * WordPress's importer takes it, whatever it is), or any URI WordPress has used for it.
     */
    private boolean isWordPress() {
        return namespace() == Namespace.WORDPRESS;
    }

    private boolean isExcerpt() {
        return namespace() == Namespace.EXCERPT;
    }

    private boolean isContent() {
        return namespace() == Namespace.CONTENT;
    }

    /** What the current element's prefix and namespace URI bind it to; worked out once per pair (a file has a few). */
    private Namespace namespace() {
        String uri = xml.getNamespaceURI();
        if (uri == null) {
            return Namespace.OTHER;
        }
        String prefix = xml.getPrefix();
        String pair = prefix + " " + uri;
        Namespace known = namespaces.get(pair);
        if (known == null) {
            known = Namespace.of(prefix, uri);
            if (namespaces.size() < MAX_NAMESPACES) {
                namespaces.put(pair, known); // a file declaring a new namespace on every element is not remembered
            }
        }
        return known;
    }

    /** The namespaces an export's elements are read by: by their usual prefix, or by any URI WordPress writes. */
    private enum Namespace {
        WORDPRESS, EXCERPT, CONTENT, OTHER;

        static Namespace of(String prefix, String uri) {
            if ("excerpt".equals(prefix) || EXCERPT_URI.matcher(uri).matches()) {
                return EXCERPT;
            }
            if ("wp".equals(prefix) || WP_URI.matcher(uri).matches()) {
                return WORDPRESS;
            }
            if ("content".equals(prefix) || CONTENT_URI.matcher(uri).matches()) {
                return CONTENT;
            }
            return OTHER;
        }
    }

    private Position here() {
        return Position.of(xml.getLocation());
    }

    private WxrException notWxr(String why) {
        return new WxrException("not a WordPress export: " + why, here());
    }

    /** The parser's own message without its "ParseError at [row,col]" prefix, and the place. */
    private static WxrException failure(XMLStreamException e) {
        return failure(e, "a WordPress export");
    }

    /** A parser's failure as a refusal of the file as {@code what} ("a Disqus export"), with its place. */
    public static WxrException failure(XMLStreamException e, String what) {
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        if (message.contains("must start and end within the same entity") || message.contains("end of file")) {
            message = "the file ends before the export does (cut short?): " + message;
        }
        return new WxrException("not readable as " + what + ": " + message.trim(),
                e.getLocation() == null ? null : Position.of(e.getLocation()));
    }

    /** The first of {@code urls} given and not empty; empty when none is. */
    private static String firstGiven(String... urls) {
        for (String url : urls) {
            if (url != null && !url.isEmpty()) {
                return url;
            }
        }
        return "";
    }
}
