package dev.sobatch.simulator;

import dev.sobatch.soap.SoapVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the simulator received it, for assertions. Secrets are never kept in clear: HTTP headers
 * that carry credentials are masked, and the ticket and application token are kept only as digests, which
 * {@link #ticketMatches(String)} and {@link #applicationTokenMatches(String)} compare against.
 */
public final class RecordedRequest {
    private final long sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final Map<String, String> httpHeaders;
    private final int bodyBytes;
    private final String operation;
    private final SoapVersion soapVersion;
    private final Object payload;
    private final String maskedTicket;
    private final byte[] ticketDigest;
    private final byte[] applicationTokenDigest;
    private final String error;

    private RecordedRequest(Builder b) {
        this.sequence = b.sequence;
        this.receivedAt = b.receivedAt;
        this.method = b.method;
        this.path = b.path;
        this.httpHeaders = Map.copyOf(b.httpHeaders);
        this.bodyBytes = b.bodyBytes;
        this.operation = b.operation;
        this.soapVersion = b.soapVersion;
        this.payload = b.payload;
        this.maskedTicket = mask(b.ticket);
        this.ticketDigest = digest(b.ticket);
        this.applicationTokenDigest = digest(b.applicationToken);
        this.error = b.error;
    }

    static Builder builder(long sequence, Instant receivedAt, String method, String path,
            Map<String, String> maskedHeaders) {
        return new Builder(sequence, receivedAt, method, path, maskedHeaders);
    }

    /** Arrival order, from 1. */
    public long sequence() {
        return sequence;
    }

    /** Wall-clock time of arrival. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** HTTP headers by lower-case name; credentials such as {@code Authorization} or cookies are masked. */
    public Map<String, String> httpHeaders() {
        return httpHeaders;
    }

    /** One HTTP header by name (case-insensitive), or {@code null}. */
    public String httpHeader(String name) {
        return httpHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Size of the body as received; 0 when it was not read. */
    public int bodyBytes() {
        return bodyBytes;
    }

    /** The WSDL operation name, e.g. {@code StartBatchJob}; {@code null} when the request was not decoded. */
    public String operation() {
        return operation;
    }

    /** The SOAP version of the envelope, or of the Content-Type when the envelope was not read. */
    public SoapVersion soapVersion() {
        return soapVersion;
    }

    /** The decoded body, an instance of the operation's request type; {@code null} when not decoded. */
    public Object payload() {
        return payload;
    }

    /** The payload as this type. */
    public <T> T payload(Class<T> type) {
        return type.cast(payload);
    }

    /** The ticket with all but its {@code 7T:} prefix hidden, or {@code null} when none was sent. */
    public String maskedTicket() {
        return maskedTicket;
    }

    public boolean hasTicket() {
        return ticketDigest != null;
    }

    /** Whether the request carried exactly this ticket. */
    public boolean ticketMatches(String ticket) {
        return ticketDigest != null && ticket != null && MessageDigest.isEqual(ticketDigest, digest(ticket));
    }

    public boolean hasApplicationToken() {
        return applicationTokenDigest != null;
    }

    /** Whether the request carried exactly this application token. */
    public boolean applicationTokenMatches(String token) {
        return applicationTokenDigest != null && token != null
                && MessageDigest.isEqual(applicationTokenDigest, digest(token));
    }

    /** Why the request was refused before it reached an operation (e.g. "HTTP 415"), or {@code null}. */
    public String error() {
        return error;
    }

    @Override
    public String toString() {
        return "RecordedRequest[#" + sequence + " " + method + " " + path + ", " + operation + ", SOAP "
                + (soapVersion == null ? "?" : soapVersion.label()) + ", ticket=" + maskedTicket
                + (error == null ? "" : ", error=" + error) + "]";
    }

    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        int colon = secret.indexOf(':');
        return (colon > 0 && colon <= 4 ? secret.substring(0, colon + 1) : "") + "***";
    }

    private static byte[] digest(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Collects what is learnt about a request while it is handled. */
    static final class Builder {
        private final long sequence;
        private final Instant receivedAt;
        private final String method;
        private final String path;
        private final Map<String, String> httpHeaders;
        private int bodyBytes;
        private String operation;
        private SoapVersion soapVersion;
        private Object payload;
        private String ticket;
        private String applicationToken;
        private String error;

        private Builder(long sequence, Instant receivedAt, String method, String path, Map<String, String> headers) {
            this.sequence = sequence;
            this.receivedAt = receivedAt;
            this.method = method;
            this.path = path;
            this.httpHeaders = Objects.requireNonNull(headers);
        }

        Builder bodyBytes(int bodyBytes) {
            this.bodyBytes = bodyBytes;
            return this;
        }

        Builder soapVersion(SoapVersion soapVersion) {
            this.soapVersion = soapVersion;
            return this;
        }

        Builder decoded(String operation, Object payload, String ticket, String applicationToken) {
            this.operation = operation;
            this.payload = payload;
            this.ticket = ticket;
            this.applicationToken = applicationToken;
            return this;
        }

        Builder error(String error) {
            this.error = error;
            return this;
        }

        long sequence() {
            return sequence;
        }

        RecordedRequest build() {
            return new RecordedRequest(this);
        }
    }
}
