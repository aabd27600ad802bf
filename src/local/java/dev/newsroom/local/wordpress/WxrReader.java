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

    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final Set<String> POST_FIELDS = Set.of("post_id", "post_date", "post_date_gmt", "post_modified",
            "post_modified_gmt", "comment_status", "post_name", "status", "post_type", "post_password");
    private static final Set<String> COMMENT_FIELDS = Set.of("comment_id", "comment_author", "comment_author_email",
            "comment_author_url", "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
            "comment_approved", "comment_type", "comment_parent");
    private final XMLStreamReader xml;

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

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
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
                    version = text().trim();
                    if (!VERSIONS.contains(version)) {
                        throw new WxrException("WXR version \"" + version + "\" is not one this import reads (1.0 to 1.2)", at);
                    }
                } else if (isWordPress() && name.equals("base_site_url")) {
                    url = text().trim();
                } else if (isWordPress() && name.equals("base_blog_url")) {
                    blogUrl = text().trim();
                } else if (xml.getNamespaceURI() == null && name.equals("link")) {
                    link = text().trim();
                } else if (xml.getNamespaceURI() == null && name.equals("item")) {
                    if (version == null) {
                        throw notWxr("an <item> comes before any <wp:wxr_version>: this RSS feed is not a WordPress export");
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
            throw notWxr("no <wp:wxr_version> in the channel: this is not a WordPress export");
        }
        return site != null ? site : new WxrSite(version, url != null && !url.isEmpty() ? url : link == null ? "" : link);
    }

    private WxrPost item() throws XMLStreamException {
        Position start = here();
        Map<String, String> values = new HashMap<>();
        Map<String, Position> positions = new HashMap<>();
        List<String> categories = new ArrayList<>();
        List<WxrRecord> comments = new ArrayList<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (ns == null && name.equals("title")) {
                field(values, positions, "title");
            } else if (CONTENT.equals(ns) && name.equals("encoded")) {
                field(values, positions, "content");
            } else if (ns != null && ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                field(values, positions, "excerpt");
            } else if (ns == null && name.equals("category") && "category".equals(xml.getAttributeValue(null, "domain"))) {
                String category = text().trim();
                if (!category.isEmpty() && !categories.contains(category)) {
                    categories.add(category);
                }
            } else if (isWordPress() && name.equals("comment")) {
                comments.add(record(COMMENT_FIELDS));
            } else if (isWordPress() && POST_FIELDS.contains(name)) {
                field(values, positions, name);
            } else {
                skipElement();
            }
        }
        return new WxrPost(new WxrRecord(start, values, positions), categories, comments);
    }

    private WxrRecord record(Set<String> fields) throws XMLStreamException {
        Position start = here();
        Map<String, String> values = new HashMap<>();
        Map<String, Position> positions = new HashMap<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            if (isWordPress() && fields.contains(xml.getLocalName())) {
                field(values, positions, xml.getLocalName());
            } else {
                skipElement();
            }
        }
        return new WxrRecord(start, values, positions);
    }

    private void field(Map<String, String> values, Map<String, Position> positions, String name) throws XMLStreamException {
        positions.put(name, here());
        values.put(name, text());
    }

    /** The text of the current element (character data and CDATA sections); an entity or a child element is refused. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity();
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
                        "<" + xml.getLocalName() + "> inside a field that holds text", xml.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends inside a field", xml.getLocation());
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    private XMLStreamException entity() {
        return new XMLStreamException("the entity &" + xml.getLocalName() + "; is not one of XML's own; refused", xml.getLocation());
    }

    /** The next start or end tag (or the document's end); text, comments and instructions between them pass by. */
    private int nextElement() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a DOCTYPE is not allowed in a WordPress export (refused, nothing in it was read)",
                        xml.getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entity();
            }
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = nextElement();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else {
                throw new XMLStreamException("the file ends inside <" + xml.getLocalName() + ">", xml.getLocation());
            }
        }
    }

    private boolean isWordPress() {
        String ns = xml.getNamespaceURI();
        return ns != null && ns.startsWith(WP) && !ns.endsWith("/excerpt/");
    }

    private Position here() {
        return Position.of(xml.getLocation());
    }

    private WxrException notWxr(String why) {
        return new WxrException("not a WordPress export: " + why, here());
    }

    /** The parser's own message without its "ParseError at [row,col]" prefix, and the place. */
    private static WxrException failure(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        if (message.contains("must start and end within the same entity") || message.contains("end of file")) {
            message = "the file ends before the export does (cut short?): " + message;
        }
        return new WxrException("not readable as a WordPress export: " + message.trim(),
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
