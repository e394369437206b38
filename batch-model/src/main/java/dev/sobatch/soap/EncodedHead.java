package dev.sobatch.soap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The part of a request envelope that is the same for every call made with one SOAP version and one set of
 * request headers: everything up to and including the opening {@code Body} tag, encoded once by
 * {@link SoapCodec#encodeHead}. {@link SoapCodec#encodeRequest(EncodedHead, SoapOperation, Object,
 * java.io.OutputStream)} copies it in front of each payload instead of writing the envelope and headers
 * again. Holds the headers' ticket and application token, so keep it where the headers are kept (a client),
 * not in anything shared or logged; {@link #toString()} shows neither. Immutable.
 */
public final class EncodedHead {
    private static final byte[] OPEN_BODY = "<s:Body>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "</s:Body></s:Envelope>".getBytes(StandardCharsets.US_ASCII);

    private final SoapVersion version;
    private final RequestHeaders headers;
    /** The head's bytes, or null when the envelope did not have the expected shape (then nothing is cached). */
    private final byte[] bytes;

    private EncodedHead(SoapVersion version, RequestHeaders headers, byte[] bytes) {
        this.version = version;
        this.headers = headers;
        this.bytes = bytes;
    }

    /**
     * Cuts the head out of a whole envelope with an empty body ({@code ...<s:Body></s:Body></s:Envelope>}).
     * Should the envelope ever end differently, the result holds no bytes and requests are written in full.
     */
    static EncodedHead cut(SoapVersion version, RequestHeaders headers, byte[] emptyEnvelope) {
        int head = emptyEnvelope.length - TAIL.length;
        boolean shaped = head >= OPEN_BODY.length
                && Arrays.equals(emptyEnvelope, head, emptyEnvelope.length, TAIL, 0, TAIL.length)
                && Arrays.equals(emptyEnvelope, head - OPEN_BODY.length, head, OPEN_BODY, 0, OPEN_BODY.length);
        return new EncodedHead(version, headers, shaped ? Arrays.copyOf(emptyEnvelope, head) : null);
    }

    public SoapVersion version() {
        return version;
    }

    public RequestHeaders headers() {
        return headers;
    }

    /** Whether this head was encoded for {@code version} and {@code headers}. */
    public boolean isFor(SoapVersion version, RequestHeaders headers) {
        return this.version == version && (this.headers == headers || this.headers.equals(headers));
    }

    byte[] bytes() {
        return bytes;
    }

    static byte[] tail() {
        return TAIL;
    }

    @Override
    public String toString() {
        return "EncodedHead[" + version + ", " + (bytes == null ? "not cached" : bytes.length + " bytes") + "]";
    }
}
