package dev.sobatch.soap;

import dev.sobatch.model.Namespaces;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.IntResponse;
import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.JAXBException;
import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the fixed-shape answers ({@code <X><Response>value</Response></X>}, or no content at all) straight
 * from the StAX reader: for answers this small, JAXB's unmarshaller set-up and loaders cost more than the
 * rest of the decode. The result is exactly what JAXB gives for the same element ({@code SmallPayloadsTest}
 * compares the two): the last {@code Response} of the services namespace wins; other children, text beside
 * them and attributes are skipped; no {@code Response} is a null value. {@code Response} is not nillable in
 * the binding, so JAXB ignores {@code xsi:nil} on it and reads its (empty) text, and so does this. Text
 * split by child elements is converted piece by piece, the last piece giving the value. Conversion follows
 * JAXB's rules: {@code int} as {@link DatatypeConverter#parseInt}; {@code boolean} as JAXB's runtime
 * converter, which answers null (not an error) for a word it does not know.
 */
final class SmallPayloads {
    private static final String TNS = Namespaces.SERVICES88;
    private static final String RESPONSE = "Response";
    /** The null-valued answers, made once by JAXB (their constructors are not visible here); immutable. */
    private static final IntResponse NO_INT = jaxbEmpty(IntResponse.class);
    private static final BooleanResponse NO_BOOLEAN = jaxbEmpty(BooleanResponse.class);

    private SmallPayloads() {
    }

    /** Whether {@link #read} handles {@code type}. */
    static boolean handles(Class<?> type) {
        return type == IntResponse.class || type == BooleanResponse.class || type == EmptyResponse.class;
    }

    /**
     * Reads the element the reader is on (a START_ELEMENT) and leaves the reader on the event after its
     * END_ELEMENT, as JAXB's unmarshal does.
     */
    static Object read(XMLStreamReader r, Class<?> type) throws XMLStreamException {
        String text = null;
        int event = r.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (type != EmptyResponse.class && RESPONSE.equals(r.getLocalName())
                        && TNS.equals(r.getNamespaceURI())) {
                    text = responseText(r, type);
                } else {
                    skipElement(r);
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ended inside an element");
            }
            event = r.next();
        }
        r.next();
        if (type == EmptyResponse.class) {
            return EmptyResponse.instance();
        }
        if (type == IntResponse.class) {
            return text == null ? NO_INT : IntResponse.of(DatatypeConverter.parseInt(text));
        }
        Boolean value = text == null ? null : parseBoolean(text);
        return value == null ? NO_BOOLEAN : BooleanResponse.of(value);
    }

    /**
     * The text of a {@code Response}. JAXB converts the text before each child element (unless it is only
     * whitespace) and again the text after the last one; a conversion error in any piece stops the read.
     */
    private static String responseText(XMLStreamReader r, Class<?> type) throws XMLStreamException {
        String single = null;
        StringBuilder more = null;
        int event = r.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (single == null) {
                        single = r.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(single);
                        }
                        more.append(r.getText());
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    String piece = more != null ? more.toString() : single;
                    if (piece != null && !isWhiteSpace(piece)) {
                        convert(piece, type);
                    }
                    single = null;
                    more = null;
                    skipElement(r);
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("the document ended inside an element");
                default:
                    break;
            }
            event = r.next();
        }
        return more != null ? more.toString() : single != null ? single : "";
    }

    private static void convert(String text, Class<?> type) {
        if (type == IntResponse.class) {
            DatatypeConverter.parseInt(text);
        } else {
            parseBoolean(text);
        }
    }

    /**
     * JAXB runtime's {@code DatatypeConverterImpl._parseBoolean}: {@code true}/{@code 1} and
     * {@code false}/{@code 0} between XML whitespace; any other single character, or only whitespace, is false;
     * anything else is null, except a text ending in a lone {@code t} or {@code f}, on which JAXB's converter
     * fails (reported as an invalid value here too).
     */
    static Boolean parseBoolean(String s) {
        int len = s.length();
        if (len == 0) {
            return null;
        }
        int i = 0;
        char ch;
        do {
            ch = s.charAt(i++);
        } while (isWhiteSpace(ch) && i < len);
        boolean value = false;
        if (ch == '1') {
            value = true;
        } else if (ch == 't' || ch == 'f') {
            if (i == len) {
                // JAXB's converter fails here reading past the end; an invalid value either way
                throw new IllegalArgumentException("Not a boolean: " + s);
            }
            String rest = ch == 't' ? "rue" : "alse";
            if (!s.startsWith(rest, i)) {
                return null;
            }
            i += rest.length();
            value = ch == 't';
        }
        while (i < len && isWhiteSpace(s.charAt(i))) {
            i++;
        }
        return i == len ? value : null;
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isWhiteSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhiteSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** From a START_ELEMENT to its END_ELEMENT. */
    static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ended inside an element");
            }
        }
    }

    private static <T> T jaxbEmpty(Class<T> type) {
        try {
            XMLStreamReader r = XmlFactories.INPUT.createXMLStreamReader(
                    new StringReader("<X xmlns=\"" + TNS + "\"/>"));
            r.nextTag();
            return Jaxb.CONTEXT.createUnmarshaller().unmarshal(r, type).getValue();
        } catch (XMLStreamException | JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
