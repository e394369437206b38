package dev.sobatch.soap;

import dev.sobatch.model.Namespaces;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoExtraInfo;
import dev.sobatch.model.SoTimeZone;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Turns Services88 payloads into SOAP envelopes and back, for clients (encode requests, decode responses)
 * and servers (decode requests, encode responses and faults). Thread-safe; share one instance.
 *
 * <p>The envelope is read and written with StAX; only the payload and the complex headers go through the
 * JVM's single shared {@code JAXBContext}, except where a hand-written path gives JAXB's result for less:
 * the fixed-shape answers ({@code SmallPayloads}) and the task-carrying requests ({@code TaskInfoWriter}).
 * Output is UTF-8 and written straight to the caller's stream. An int answer that repeats the previous one
 * of its operation but for the number is not parsed again ({@code RepeatedAnswers}); that state is all an
 * instance keeps.
 *
 * <p>Reading is tolerant where newer servers differ (unknown elements and {@code xsi:type} attributes are
 * ignored; headers may stand directly under {@code Envelope}, as in the vendor's examples) and strict
 * where it matters: every problem with the input is a {@link SoapDecodingException} whose
 * {@link SoapDecodingException.Reason reason} tells what went wrong. DTDs are refused outright, and the
 * input size and nesting depth are bounded.
 */
public final class SoapCodec {
    /** Default bound on the bytes one decode may read: 16 MiB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 16L * 1024 * 1024;
    /** Deepest element nesting accepted; a real envelope is under 15 levels deep. */
    public static final int MAX_DEPTH = 100;

    private static final String TNS = Namespaces.SERVICES88;
    private static final int MAX_DETAIL_CHARS = 8192;
    private static final SoapCodec DEFAULT = new SoapCodec(DEFAULT_MAX_INPUT_BYTES);

    static {
        warmUp();
    }

    private final long maxInputBytes;
    /**
     * Whether the fixed-shape answers are read by {@link SmallPayloads} and the task-carrying requests written
     * by {@link TaskInfoWriter} (off only to compare with JAXB).
     */
    private final boolean smallPayloads;
    /** Kept answers that repeat (none when the fast paths are off, to compare with plain JAXB). */
    private final RepeatedAnswers repeated;

    private SoapCodec(long maxInputBytes) {
        this(maxInputBytes, true);
    }

    SoapCodec(long maxInputBytes, boolean smallPayloads) {
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes must be positive: " + maxInputBytes);
        }
        this.maxInputBytes = maxInputBytes;
        this.smallPayloads = smallPayloads;
        this.repeated = smallPayloads ? new RepeatedAnswers(maxInputBytes) : null;
    }

    /**
     * The first time JAXB or the parser reports a problem, it loads message bundles and classes from jar
     * files: blocking reads. Provoking each kind of report here moves them to whichever thread first uses
     * the codec (the client and the simulator do so while they are built, off any event loop), so that no
     * decode on an event loop ever reads a jar.
     */
    private static void warmUp() {
        // GetBatchTaskInfoResponse goes through JAXB (the small fixed-shape answers do not): an unknown child
        // and a non-integer value provoke JAXB's reports, the rest the parser's
        String envelope = "<s:Envelope xmlns:s=\"" + SoapVersion.SOAP_11.envelopeNamespace() + "\"><s:Body>"
                + "<GetBatchTaskInfoResponse xmlns=\"" + TNS + "\"><Response><Unknown>1</Unknown><Id>%s</Id>"
                + "</Response></GetBatchTaskInfoResponse></s:Body></s:Envelope>";
        String[] samples = {String.format(envelope, "1"), String.format(envelope, "x"), "<s:Envelope",
                "<!DOCTYPE x><x/>", "<html/>"};
        for (String sample : samples) {
            try {
                DEFAULT.decodeResponse(BatchOperation.GET_BATCH_TASK_INFO,
                        sample.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (SoapDecodingException expected) {
                // the point was to provoke it
            }
        }
    }

    /** The shared codec with the default input limit. */
    public static SoapCodec defaults() {
        return DEFAULT;
    }

    /** A codec that refuses input larger than {@code maxInputBytes}. */
    public static SoapCodec withMaxInputBytes(long maxInputBytes) {
        return maxInputBytes == DEFAULT_MAX_INPUT_BYTES ? DEFAULT : new SoapCodec(maxInputBytes);
    }

    public long maxInputBytes() {
        return maxInputBytes;
    }

    // ------------------------------------------------------------------ encoding

    /**
     * Writes a request envelope to {@code out} (not closed).
     *
     * @param payload an instance of the operation's {@link SoapOperation#requestType()}
     * @throws IllegalArgumentException when the payload does not belong to the operation
     * @throws UncheckedIOException when {@code out} fails
     */
    public void encodeRequest(SoapVersion version, SoapOperation operation, RequestHeaders headers, Object payload,
            OutputStream out) {
        requireType(operation.requestType(), payload, operation);
        write(version, out, w -> writeRequestHeaders(w, headers), w -> {
            if (smallPayloads && TaskInfoWriter.handles(operation.requestElement(), payload)) {
                TaskInfoWriter.write(w, operation.requestElement(), payload);
            } else {
                marshalPayload(w, operation.requestElement(), operation.requestType(), payload);
            }
        });
    }

    /**
     * The envelope and headers of a request with {@code headers}, encoded once, to be copied in front of each
     * payload by {@link #encodeRequest(EncodedHead, SoapOperation, Object, OutputStream)}.
     */
    public EncodedHead encodeHead(SoapVersion version, RequestHeaders headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(version, out, w -> writeRequestHeaders(w, headers), w -> { });
        return EncodedHead.cut(version, headers, out.toByteArray());
    }

    /**
     * Writes the same bytes as {@link #encodeRequest(SoapVersion, SoapOperation, RequestHeaders, Object,
     * OutputStream)} with the head's version and headers, copying the pre-encoded head where the payload
     * allows (StartBatchJob, UpdateBatchTask); other payloads are written in full.
     */
    public void encodeRequest(EncodedHead head, SoapOperation operation, Object payload, OutputStream out) {
        requireType(operation.requestType(), payload, operation);
        if (head.bytes() == null || !smallPayloads || !TaskInfoWriter.handles(operation.requestElement(), payload)) {
            encodeRequest(head.version(), operation, head.headers(), payload, out);
            return;
        }
        try {
            out.write(head.bytes());
            Utf8XmlWriter w = Utf8XmlWriter.acquire(out);
            TaskInfoWriter.write(w, operation.requestElement(), payload);
            w.flush();
            w.recycle();
            out.write(EncodedHead.tail());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw writeFailure(e);
        }
    }

    /** Encodes a request into a new byte array. */
    public byte[] encodeRequest(SoapVersion version, SoapOperation operation, RequestHeaders headers,
            Object payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        encodeRequest(version, operation, headers, payload, out);
        return out.toByteArray();
    }

    /** Writes a response envelope, headers in WCF's order, to {@code out} (not closed). */
    public void encodeResponse(SoapVersion version, SoapOperation operation, ResponseHeaders headers,
            Object payload, OutputStream out) {
        requireType(operation.responseType(), payload, operation);
        write(version, out, w -> writeResponseHeaders(w, headers),
                w -> marshalPayload(w, operation.responseElement(), operation.responseType(), payload));
    }

    /** Writes a SOAP Fault envelope; {@code headers} may be {@code null} for a fault without headers. */
    public void encodeFault(SoapVersion version, SoapFault fault, ResponseHeaders headers, OutputStream out) {
        Objects.requireNonNull(fault, "fault");
        write(version, out, w -> {
            if (headers != null) {
                writeResponseHeaders(w, headers);
            }
        }, w -> writeFault(w, version, fault));
    }

    private interface Section {
        void write(Utf8XmlWriter w) throws XMLStreamException, JAXBException;
    }

    private static void write(SoapVersion version, OutputStream out, Section header, Section body) {
        String env = version.envelopeNamespace();
        try {
            Utf8XmlWriter w = Utf8XmlWriter.acquire(out);
            w.writeStartElement("s", "Envelope", env);
            w.writeNamespace("s", env);
            w.writeStartElement("s", "Header", env);
            header.write(w);
            w.writeEndElement();
            w.writeStartElement("s", "Body", env);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
            w.recycle(); // only after a complete write: a failed one may have left state behind
        } catch (XMLStreamException e) {
            throw writeFailure(e);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write SOAP payload", e);
        }
    }

    /** The caller's stream failed (unchecked I/O error), or the writer was misused (a bug here). */
    private static RuntimeException writeFailure(XMLStreamException e) {
        if (e.getNestedException() instanceof java.io.IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("cannot write SOAP envelope", e);
    }

    private static void writeRequestHeaders(XMLStreamWriter w, RequestHeaders headers)
            throws XMLStreamException, JAXBException {
        if (headers.applicationToken() != null) {
            simpleHeader(w, "ApplicationToken", headers.applicationToken());
        }
        if (headers.ticket() != null) {
            startTns(w, "Credentials");
            w.writeStartElement(TNS, "Ticket");
            w.writeCharacters(headers.ticket());
            w.writeEndElement();
            w.writeEndElement();
        }
        if (headers.timeZone() != null) {
            marshal(w, "TimeZone", SoTimeZone.class, headers.timeZone());
        }
    }

    private static void writeResponseHeaders(XMLStreamWriter w, ResponseHeaders h)
            throws XMLStreamException, JAXBException {
        marshal(w, "ExceptionInfo", SoExceptionInfo.class, h.exceptionInfo());
        marshal(w, "ExtraInfo", SoExtraInfo.class, h.extraInfo());
        if (h.succeeded() != null) {
            simpleHeader(w, "Succeeded", h.succeeded().toString());
        }
        marshal(w, "TimeZone", SoTimeZone.class, h.timeZone());
    }

    private static void writeFault(XMLStreamWriter w, SoapVersion version, SoapFault fault)
            throws XMLStreamException {
        String env = version.envelopeNamespace();
        String code = "s:" + fault.codeName(version);
        w.writeStartElement("s", "Fault", env);
        if (version == SoapVersion.SOAP_11) {
            textElement(w, "faultcode", code);
            textElement(w, "faultstring", fault.reason());
            if (fault.detail() != null) {
                textElement(w, "detail", fault.detail());
            }
        } else {
            w.writeStartElement("s", "Code", env);
            w.writeStartElement("s", "Value", env);
            w.writeCharacters(code);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("s", "Reason", env);
            w.writeStartElement("s", "Text", env);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-US");
            w.writeCharacters(fault.reason());
            w.writeEndElement();
            w.writeEndElement();
            if (fault.detail() != null) {
                w.writeStartElement("s", "Detail", env);
                w.writeCharacters(fault.detail());
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private static void textElement(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void startTns(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement("", name, TNS);
        w.writeDefaultNamespace(TNS);
    }

    private static void simpleHeader(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        startTns(w, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** Writes a complex header, or the nil element WCF writes when there is no value. */
    private static <T> void marshal(XMLStreamWriter w, String name, Class<T> type, T value)
            throws XMLStreamException, JAXBException {
        if (value == null) {
            startTns(w, name);
            w.writeNamespace("i", Namespaces.XSI);
            w.writeAttribute("i", Namespaces.XSI, "nil", "true");
            w.writeEndElement();
            return;
        }
        marshalPayload(w, new QName(TNS, name), type, value);
    }

    private static <T> void marshalPayload(XMLStreamWriter w, QName element, Class<T> type, Object value)
            throws JAXBException {
        Marshaller m = Jaxb.marshaller();
        m.marshal(new JAXBElement<>(element, type, type.cast(value)), w);
        Jaxb.release(m);
    }

    private static void requireType(Class<?> type, Object payload, SoapOperation operation) {
        if (!type.isInstance(payload)) {
            throw new IllegalArgumentException(operation.operationName() + " takes a " + type.getSimpleName()
                    + ", not " + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Reads the response to {@code operation}: its payload, or the SOAP Fault it holds instead. The stream
     * is read to its end but not closed.
     *
     * @throws SoapDecodingException for anything but a SOAP envelope whose body holds the operation's
     *         response element or a fault
     */
    public SoapResponse decodeResponse(SoapOperation operation, InputStream in) {
        return read(in, (version, headers, r) -> {
            if (isFault(r, version)) {
                return new SoapResponse(version, headers.response(), null, readFault(r));
            }
            QName expected = operation.responseElement();
            // compared by parts: the reader makes a new QName for each getName()
            if (!expected.getLocalPart().equals(r.getLocalName())
                    || !expected.getNamespaceURI().equals(r.getNamespaceURI())) {
                throw new SoapDecodingException(SoapDecodingException.Reason.UNEXPECTED_ELEMENT,
                        operation.operationName() + ": expected body element " + expected + " but found "
                                + r.getName());
            }
            Object payload = payload(r, operation, operation.responseType());
            return new SoapResponse(version, headers.response(), payload, null);
        });
    }

    /**
     * Reads a response from a byte array. A successful answer whose payload is one integer (StartBatchJob's)
     * that repeats the previous one of the operation byte for byte but for that number is not parsed again
     * ({@link RepeatedAnswers}: same result, a fraction of the work).
     */
    public SoapResponse decodeResponse(SoapOperation operation, byte[] body) {
        if (repeated == null || !RepeatedAnswers.applies(operation)) {
            return decodeResponse(operation, new ByteArrayInputStream(body));
        }
        SoapResponse known = repeated.match(operation, body);
        if (known != null) {
            return known;
        }
        SoapResponse decoded = decodeResponse(operation, new ByteArrayInputStream(body));
        repeated.offer(operation, body, decoded, copy -> decodeResponse(operation, new ByteArrayInputStream(copy)));
        return decoded;
    }

    /** Whether {@link #decodeResponse(SoapOperation, byte[])} would answer {@code body} from a kept answer. */
    boolean repeatsKeptAnswer(SoapOperation operation, byte[] body) {
        return repeated != null && repeated.keeps(operation, body);
    }

    /**
     * Reads a request, finding the operation from its body element among the Batch.svc operations and
     * SoPrincipal's AuthenticateUsernamePassword. The stream is read to its end but not closed.
     */
    public SoapRequest decodeRequest(InputStream in) {
        return read(in, (version, headers, r) -> {
            QName found = r.getName();
            SoapOperation operation = operationFor(found);
            if (operation == null) {
                throw new SoapDecodingException(SoapDecodingException.Reason.UNKNOWN_OPERATION,
                        "no operation has the request element " + found);
            }
            Object payload = payload(r, operation, operation.requestType());
            return new SoapRequest(version, operation, headers.request(), payload);
        });
    }

    /** The body element's content; an element marked {@code xsi:nil} has none, which no operation allows. */
    private Object payload(XMLStreamReader r, SoapOperation operation, Class<?> type)
            throws XMLStreamException, JAXBException {
        String element = r.getLocalName();
        Object payload = isNil(r) ? skipNil(r)
                : smallPayloads && SmallPayloads.handles(type) ? SmallPayloads.read(r, type) : unmarshal(r, type);
        if (payload == null) {
            throw new SoapDecodingException(SoapDecodingException.Reason.INVALID_VALUE,
                    operation.operationName() + ": the body element " + element + " is nil");
        }
        return payload;
    }

    private static SoapOperation operationFor(QName element) {
        for (BatchOperation op : BatchOperation.values()) {
            if (op.requestElement().equals(element)) {
                return op;
            }
        }
        for (SoPrincipalOperation op : SoPrincipalOperation.values()) {
            if (op.requestElement().equals(element)) {
                return op;
            }
        }
        return null;
    }

    private interface BodyReader<R> {
        R read(SoapVersion version, HeaderValues headers, XMLStreamReader reader)
                throws XMLStreamException, JAXBException;
    }

    private <R> R read(InputStream in, BodyReader<R> bodyReader) {
        Objects.requireNonNull(in, "in");
        XMLStreamReader r = null;
        LimitedInputStream limited = new LimitedInputStream(in, maxInputBytes);
        try {
            r = new GuardedStreamReader(XmlFactories.INPUT.createXMLStreamReader(limited), MAX_DEPTH);
            r.nextTag();
            SoapVersion version = SoapVersion.forEnvelopeNamespace(r.getNamespaceURI()).orElse(null);
            if (version == null || !"Envelope".equals(r.getLocalName())) {
                throw new SoapDecodingException(SoapDecodingException.Reason.NOT_SOAP,
                        "expected a SOAP 1.1 or 1.2 Envelope but found " + r.getName());
            }
            String env = version.envelopeNamespace();
            HeaderValues headers = new HeaderValues();
            R result = null;
            boolean body = false;
            r.next();
            while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
                boolean inEnvNs = env.equals(r.getNamespaceURI());
                if (inEnvNs && "Header".equals(r.getLocalName())) {
                    r.next();
                    while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
                        readHeader(r, headers);
                    }
                    r.next();
                } else if (inEnvNs && "Body".equals(r.getLocalName()) && !body) {
                    body = true;
                    r.next();
                    if (currentTag(r) != XMLStreamConstants.START_ELEMENT) {
                        throw new SoapDecodingException(SoapDecodingException.Reason.NOT_SOAP,
                                "the SOAP Body is empty");
                    }
                    result = bodyReader.read(version, headers, r);
                    while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
                        skip(r);
                    }
                    r.next();
                } else if (!body) {
                    readHeader(r, headers);
                } else {
                    skip(r);
                }
            }
            if (!body) {
                throw new SoapDecodingException(SoapDecodingException.Reason.NOT_SOAP,
                        "the SOAP envelope has no Body");
            }
            while (r.hasNext()) {
                r.next();
            }
            return result;
        } catch (SoapDecodingException e) {
            throw e;
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            throw translate(e);
        } finally {
            close(r);
        }
    }

    /*
     * Cursor convention of the readers below: each is called on an element's START_ELEMENT and returns
     * with the reader on the event after that element's END_ELEMENT, as JAXB's unmarshal does.
     */

    /** Moves from the current event to the next start or end tag, skipping whitespace and comments. */
    private static int currentTag(XMLStreamReader r) throws XMLStreamException {
        int event = r.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ended inside an element");
            }
            event = r.next();
        }
        return event;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        SmallPayloads.skipElement(r);
        r.next();
    }

    private static String text(XMLStreamReader r) throws XMLStreamException {
        String text = r.getElementText();
        r.next();
        return text;
    }

    private static <T> T skipNil(XMLStreamReader r) throws XMLStreamException {
        skip(r);
        return null;
    }

    private static void readHeader(XMLStreamReader r, HeaderValues h) throws XMLStreamException, JAXBException {
        if (!TNS.equals(r.getNamespaceURI())) {
            skip(r);
            return;
        }
        boolean nil = isNil(r);
        switch (r.getLocalName()) {
            case "ApplicationToken":
                h.applicationToken = nil ? skipNil(r) : text(r);
                break;
            case "Credentials":
                h.ticket = nil ? skipNil(r) : readTicket(r);
                break;
            case "TimeZone":
                h.timeZone = nil ? skipNil(r) : unmarshal(r, SoTimeZone.class);
                break;
            case "ExceptionInfo":
                h.exceptionInfo = nil ? skipNil(r) : unmarshal(r, SoExceptionInfo.class);
                break;
            case "ExtraInfo":
                h.extraInfo = nil ? skipNil(r) : unmarshal(r, SoExtraInfo.class);
                break;
            case "Succeeded":
                h.succeeded = nil ? skipNil(r) : parseBoolean(text(r), "Succeeded");
                break;
            default:
                skip(r);
                break;
        }
    }

    private static String readTicket(XMLStreamReader r) throws XMLStreamException {
        String ticket = null;
        r.next();
        while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("Ticket".equals(r.getLocalName()) && !isNil(r)) {
                ticket = text(r);
            } else {
                skip(r);
            }
        }
        r.next();
        return ticket;
    }

    private static boolean isNil(XMLStreamReader r) {
        String nil = r.getAttributeValue(Namespaces.XSI, "nil");
        return nil != null && ("true".equals(nil.trim()) || "1".equals(nil.trim()));
    }

    private static Boolean parseBoolean(String text, String what) {
        String t = text.trim();
        if ("true".equals(t) || "1".equals(t)) {
            return Boolean.TRUE;
        }
        if ("false".equals(t) || "0".equals(t)) {
            return Boolean.FALSE;
        }
        throw new SoapDecodingException(SoapDecodingException.Reason.INVALID_VALUE,
                what + " must be a boolean, found '" + abbreviate(t) + "'");
    }

    private static boolean isFault(XMLStreamReader r, SoapVersion version) {
        return "Fault".equals(r.getLocalName()) && version.envelopeNamespace().equals(r.getNamespaceURI());
    }

    private static SoapFault readFault(XMLStreamReader r) throws XMLStreamException {
        String code = null;
        String reason = null;
        String detail = null;
        r.next();
        while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "faultcode":
                    code = text(r).trim();
                    break;
                case "faultstring":
                    reason = text(r);
                    break;
                case "Code":
                    code = firstChildText(r, "Value");
                    break;
                case "Reason":
                    reason = firstChildText(r, "Text");
                    break;
                case "detail":
                case "Detail":
                    detail = subtreeText(r);
                    break;
                default:
                    skip(r);
                    break;
            }
        }
        r.next();
        return SoapFault.of(code, reason, detail);
    }

    private static String firstChildText(XMLStreamReader r, String child) throws XMLStreamException {
        String text = null;
        r.next();
        while (currentTag(r) == XMLStreamConstants.START_ELEMENT) {
            if (text == null && child.equals(r.getLocalName())) {
                text = text(r).trim();
            } else {
                skip(r);
            }
        }
        r.next();
        return text;
    }

    /** The text inside an element and its descendants, words joined by spaces and bounded in length. */
    private static String subtreeText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && !r.isWhiteSpace() && sb.length() < MAX_DETAIL_CHARS) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(r.getText().trim());
            }
        }
        r.next();
        String text = sb.length() > MAX_DETAIL_CHARS ? sb.substring(0, MAX_DETAIL_CHARS) : sb.toString();
        return text.isEmpty() ? null : text;
    }

    private static <T> T unmarshal(XMLStreamReader r, Class<T> type) throws JAXBException {
        Unmarshaller u = Jaxb.unmarshaller();
        T value = u.unmarshal(r, type).getValue();
        Jaxb.release(u);
        return value;
    }

    private static SoapDecodingException translate(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof LimitedInputStream.TooLargeException) {
                return new SoapDecodingException(SoapDecodingException.Reason.TOO_LARGE, t.getMessage());
            }
            if (t instanceof GuardedStreamReader.DtdException dtd) {
                return new SoapDecodingException(dtd.isHtml() ? SoapDecodingException.Reason.NOT_SOAP
                        : SoapDecodingException.Reason.FORBIDDEN_DTD, t.getMessage());
            }
            if (t instanceof GuardedStreamReader.DepthException) {
                return new SoapDecodingException(SoapDecodingException.Reason.TOO_DEEP, t.getMessage());
            }
            if (t instanceof SoapDecodingException sde) {
                return sde;
            }
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof IllegalArgumentException) {
                // a conversion error names the value only (never a header secret: those are plain strings)
                return new SoapDecodingException(SoapDecodingException.Reason.INVALID_VALUE,
                        "invalid value: " + abbreviate(String.valueOf(t.getMessage())), t);
            }
        }
        // Parser and binding messages quote the input (names, text), and broken markup can fuse a ticket or
        // token into a name: say where and what kind of error, and keep neither their text nor them as cause.
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof XMLStreamException x) {
                return new SoapDecodingException(SoapDecodingException.Reason.MALFORMED,
                        "not well-formed XML" + where(x.getLocation()));
            }
        }
        if (e instanceof JAXBException) {
            return new SoapDecodingException(SoapDecodingException.Reason.INVALID_VALUE,
                    "content does not fit the contract (" + chain(e) + ")");
        }
        return new SoapDecodingException(SoapDecodingException.Reason.MALFORMED,
                "cannot read the message (" + chain(e) + ")", e);
    }

    private static String where(javax.xml.stream.Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The class names of an exception and its causes: enough to tell the kind of failure, no input text. */
    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Throwable t = e; t != null && n < 5; t = next(t), n++) {
            sb.append(n == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        return sb.toString();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof JAXBException j && j.getLinkedException() != null && j.getLinkedException() != t) {
            return j.getLinkedException();
        }
        if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
            return x.getNestedException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** Closes the reader (never the caller's stream), so that it hands its buffers back for the next one. */
    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to recover
            }
        }
    }

    /** Header values as read, before they are split into request and response headers. */
    private static final class HeaderValues {
        String applicationToken;
        String ticket;
        SoTimeZone timeZone;
        SoExceptionInfo exceptionInfo;
        SoExtraInfo extraInfo;
        Boolean succeeded;

        RequestHeaders request() {
            return RequestHeaders.of(applicationToken, ticket).withTimeZone(timeZone);
        }

        ResponseHeaders response() {
            return ResponseHeaders.of(succeeded, exceptionInfo, extraInfo, timeZone);
        }
    }
}
