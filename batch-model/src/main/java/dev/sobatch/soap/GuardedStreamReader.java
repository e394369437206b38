package dev.sobatch.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Refuses DTDs and entity references wherever they appear, and nesting deeper than a bound, so that no
 * input can expand entities or exhaust the stack of whatever walks the tree.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private static final String JDK_READER = "com.sun.org.apache.xerces.internal.impl.XMLStreamReaderImpl";
    private static final String INTERN_NAMES = "org.codehaus.stax2.internNames";
    private static final String INTERN_NS_URIS = "org.codehaus.stax2.internNsUris";

    private final int maxDepth;
    private final boolean internedNames;
    private int depth;

    GuardedStreamReader(XMLStreamReader reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
        this.internedNames = reader.getClass().getName().equals(JDK_READER);
    }

    /**
     * Tells JAXB, through the Stax2 properties it asks for, that the JDK's reader hands out interned
     * names and namespace URIs (they come from its symbol table), so that JAXB does not intern every name
     * again; it would not recognise the JDK's reader behind this delegate by itself.
     */
    @Override
    public Object getProperty(String name) {
        if (internedNames && (INTERN_NAMES.equals(name) || INTERN_NS_URIS.equals(name))) {
            return Boolean.TRUE;
        }
        return super.getProperty(name);
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
     * An HTML error page starts with {@code <!DOCTYPE html>}: not an attack, just not SOAP. The JDK's reader
     * gives the whole declaration as the DTD event's text; Stax2 readers (Woodstox) give only the internal
     * subset and name the root through {@code DTDInfo.getDTDRootName()}.
     */
    private static boolean looksLikeHtml(String doctypeText, String rootName) {
        String d = doctypeText == null ? "" : doctypeText.trim().toLowerCase(java.util.Locale.ROOT);
        if (d.contains("<!entity")) {
            return false;
        }
        return d.startsWith("<!doctype html") || d.isEmpty() && "html".equalsIgnoreCase(rootName);
    }

    /** The root name a Stax2 reader reports for its DTD event (found by name: Stax2 is not a dependency). */
    private static String dtdRootName(javax.xml.stream.XMLStreamReader reader) {
        try {
            Object name = reader.getClass().getMethod("getDTDRootName").invoke(reader);
            return name instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
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
