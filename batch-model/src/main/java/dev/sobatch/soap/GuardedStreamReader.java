package dev.sobatch.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.codehaus.stax2.DTDInfo;

/**
 * Refuses DTDs and entity references wherever they appear, and nesting deeper than a bound, so that no
 * input can expand entities or exhaust the stack of whatever walks the tree.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private final int maxDepth;
    private int depth;

    GuardedStreamReader(XMLStreamReader reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT:
                if (++depth > maxDepth) {
                    throw new DepthException(maxDepth);
                }
                break;
            case XMLStreamConstants.END_ELEMENT:
                depth--;
                break;
            case XMLStreamConstants.DTD:
                throw new DtdException(looksLikeHtml(getText(), dtdRootName(getParent())));
            case XMLStreamConstants.ENTITY_DECLARATION:
            case XMLStreamConstants.ENTITY_REFERENCE:
                throw new DtdException(false);
            default:
                break;
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                || event == XMLStreamConstants.CDATA && isWhiteSpace()
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected an element, found event " + event, getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("expected text only, found element " + getLocalName(), getLocation());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ended inside an element", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    static final class DepthException extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        DepthException(int maxDepth) {
            super("elements nested deeper than " + maxDepth);
        }
    }

    /**
     * An HTML error page starts with {@code <!DOCTYPE html>}: not an attack, just not SOAP. A Stax2 reader
     * (Aalto, Woodstox) gives the internal subset as the DTD event's text and names the root through
     * {@link DTDInfo#getDTDRootName()}; a declaration with entities is a refused DTD whatever its root.
     */
    private static boolean looksLikeHtml(String internalSubset, String rootName) {
        String subset = internalSubset == null ? "" : internalSubset.trim();
        return subset.isEmpty() && "html".equalsIgnoreCase(rootName);
    }

    private static String dtdRootName(XMLStreamReader reader) {
        return reader instanceof DTDInfo info ? info.getDTDRootName() : null;
    }

    static final class DtdException extends XMLStreamException {
        private static final long serialVersionUID = 1L;
        private final boolean html;

        DtdException(boolean html) {
            super(html ? "an HTML page, not a SOAP envelope" : "DTDs and entity references are not accepted");
            this.html = html;
        }

        boolean isHtml() {
            return html;
        }
    }
}
