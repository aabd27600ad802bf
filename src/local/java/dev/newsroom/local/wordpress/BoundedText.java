package dev.newsroom.local.wordpress;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of an XML element as a stream reader reads it (character data and CDATA sections, which the reader
 * set by {@link WxrReader#factory()} hands over in pieces), kept only up to a bound: beyond it the rest is read
 * past, not held, so memory stays flat whatever one field holds. An entity or a child element is refused.
 */
public final class BoundedText {
    private BoundedText() {
    }

    /** The current element's text, or null when it is longer than {@code limit} characters; ends on its end tag. */
    public static String read(XMLStreamReader xml, int limit) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean over = false;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int length = xml.getTextLength();
                    if (!over && text.length() + length > limit) {
                        over = true;
                        text = null;
                    } else if (!over) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return over ? null : text.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(xml);
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
                        "<" + xml.getLocalName() + "> inside a field that holds text", xml.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends inside a field", xml.getLocation());
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    static XMLStreamException entity(XMLStreamReader xml) {
        return new XMLStreamException("the entity &" + xml.getLocalName() + "; is not one of XML's own; refused", xml.getLocation());
    }
}
