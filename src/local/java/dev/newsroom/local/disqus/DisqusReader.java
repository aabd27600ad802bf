package dev.newsroom.local.disqus;

import dev.newsroom.local.wordpress.BoundedText;
import dev.newsroom.local.wordpress.Position;
import dev.newsroom.local.wordpress.WxrException;
import dev.newsroom.local.wordpress.WxrReader;
import dev.newsroom.local.wordpress.WxrRecord;
import dev.newsroom.local.wordpress.XmlSteps;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a Disqus export ({@code <disqus>}: categories, then {@code <thread>}s, then {@code <post>}s) as a stream,
 * with the same parser settings as the WordPress reader (no DOCTYPE, no entity but XML's own) and every field
 * bounded while read; a thread or post is handed over as soon as it is read. Threads and parents are named by
 * their {@code dsq:id} attribute (or, as in Disqus's own example, by the thread's identifier as text).
 */
final class DisqusReader {
    private static final int TEXT = 1 << 16;
    private static final int MESSAGE = 4 * 65_525;
    private static final Map<String, String> AUTHOR_FIELDS = Map.of("name", "comment_author", "email", "comment_author_email");
    private static final Set<String> FLAGS = Set.of("isSpam", "isDeleted", "isAnonymous");
    private final XMLStreamReader xml;

    private DisqusReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    static void read(InputStream in, Consumer<DisqusThread> threads, Consumer<DisqusPost> posts) throws WxrException {
        XMLStreamReader xml = null;
        try {
            xml = WxrReader.factory().createXMLStreamReader(in);
            new DisqusReader(xml).document(threads, posts);
        } catch (XMLStreamException e) {
            throw WxrReader.failure(e, "a Disqus export");
        } finally {
            try {
                if (xml != null) {
                    xml.close();
                }
            } catch (XMLStreamException ignored) {
                // the stream's owner closes the file
            }
        }
    }

    private void document(Consumer<DisqusThread> threads, Consumer<DisqusPost> posts) throws XMLStreamException, WxrException {
        if (nextElement() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("disqus")) {
            String found = xml.getEventType() == XMLStreamConstants.START_ELEMENT ? "<" + xml.getLocalName() + ">" : "no element";
            throw new WxrException("not a Disqus export: the document is " + found + ", not <disqus> (Disqus's export, "
                    + "Admin > Moderation > Export, holds <thread> and <post> elements in it)", here());
        }
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "thread" -> threads.accept(thread());
                case "post" -> posts.accept(post());
                default -> skipElement();
            }
        }
    }

    private DisqusThread thread() throws XMLStreamException {
        Position at = here();
        String dsqId = dsqId();
        Map<String, String> fields = new HashMap<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (name.equals("id") || name.equals("link") || name.equals("forum")) {
                fields.put(name, orEmpty(BoundedText.read(xml, TEXT)).strip());
            } else {
                skipElement();
            }
        }
        return new DisqusThread(dsqId, fields.getOrDefault("id", ""), fields.getOrDefault("link", ""),
                fields.getOrDefault("forum", ""), at);
    }

    private DisqusPost post() throws XMLStreamException {
        Position start = here();
        String dsqId = dsqId();
        Map<String, String> values = new HashMap<>();
        Map<String, Position> positions = new HashMap<>();
        Map<String, Integer> oversize = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        String thread = "";
        String parent = "";
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            switch (name) {
                case "message" -> field(values, positions, oversize, "comment_content", MESSAGE);
                case "createdAt" -> field(values, positions, oversize, "comment_date_gmt", TEXT);
                case "ipAddress" -> field(values, positions, oversize, "comment_author_IP", TEXT);
                case "thread" -> thread = reference();
                case "parent" -> parent = reference();
                case "author" -> {
                    while (nextElement() == XMLStreamConstants.START_ELEMENT) {
                        String field = AUTHOR_FIELDS.get(xml.getLocalName());
                        if (field != null) {
                            field(values, positions, oversize, field, TEXT);
                        } else if (xml.getLocalName().equals("isAnonymous")) {
                            flags.put("isAnonymous", "true".equals(orEmpty(BoundedText.read(xml, TEXT)).strip()));
                        } else {
                            skipElement();
                        }
                    }
                }
                default -> {
                    if (FLAGS.contains(name)) {
                        flags.put(name, "true".equals(orEmpty(BoundedText.read(xml, TEXT)).strip()));
                    } else {
                        skipElement();
                    }
                }
            }
        }
        return new DisqusPost(dsqId, thread, parent, flags.getOrDefault("isSpam", false), flags.getOrDefault("isDeleted", false),
                flags.getOrDefault("isAnonymous", false), new WxrRecord(start, values, positions, oversize));
    }

    private void field(Map<String, String> values, Map<String, Position> positions, Map<String, Integer> oversize,
                       String name, int limit) throws XMLStreamException {
        positions.put(name, here());
        String text = BoundedText.read(xml, limit);
        if (text == null) {
            oversize.put(name, limit);
        } else {
            values.put(name, text);
        }
    }

    /** A {@code <thread>} or {@code <parent>} reference: its {@code dsq:id}, else its text. */
    private String reference() throws XMLStreamException {
        String id = dsqId();
        String text = orEmpty(BoundedText.read(xml, TEXT)).strip();
        return id.isEmpty() ? text : id;
    }

    private String dsqId() {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals("id")) {
                return xml.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    private int nextElement() throws XMLStreamException {
        return XmlSteps.nextElement(xml, "a Disqus export");
    }

    private void skipElement() throws XMLStreamException {
        XmlSteps.skipElement(xml, "a Disqus export");
    }

    private Position here() {
        return Position.of(xml.getLocation());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
