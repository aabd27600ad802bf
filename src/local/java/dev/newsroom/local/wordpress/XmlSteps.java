package dev.newsroom.local.wordpress;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Moving through an export's elements as its readers do: to the next start or end tag, or past a whole element;
 * a DOCTYPE or an entity other than XML's own is refused where it stands.
 */
public final class XmlSteps {
    private XmlSteps() {
    }

    /**
     * The next start or end tag (or the document's end); text, comments and instructions between them pass by.
     * {@code export}: what the file should be ("a WordPress export"), for the refusal of a DOCTYPE.
     */
    public static int nextElement(XMLStreamReader xml, String export) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a DOCTYPE is not allowed in " + export + " (refused, nothing in it was read)",
                        xml.getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw BoundedText.entity(xml);
            }
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** Reads past the element whose start tag was just read, to its end tag. */
    public static void skipElement(XMLStreamReader xml, String export) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = nextElement(xml, export);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else {
                throw new XMLStreamException("the file ends inside <" + xml.getLocalName() + ">", xml.getLocation());
            }
        }
    }
}
