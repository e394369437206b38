package dev.sobatch.client;

import java.util.OptionalInt;

/**
 * The exchange failed below the SOAP level: connect, DNS, TLS, reset, or an HTTP error status whose body is
 * no SOAP Fault (an IIS error page, a gateway's 502). {@link #requestSent()} tells whether the request may
 * have reached the service.
 */
public final class BatchTransportException extends BatchException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String bodyExcerpt;
    private final boolean requestSent;

    /** A failure with an HTTP status ({@code status > 0}) or without one ({@code status <= 0}). */
    public BatchTransportException(String operation, String endpointHost, String detail, int httpStatus,
            String bodyExcerpt, boolean requestSent, Throwable cause) {
        super(operation, endpointHost, detail, cause);
        this.httpStatus = Math.max(httpStatus, 0);
        this.bodyExcerpt = bodyExcerpt == null ? "" : Excerpts.oneLine(bodyExcerpt, Excerpts.MAX_EXCERPT);
        this.requestSent = requestSent;
    }

    /** The HTTP status, when a response arrived. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** The start of the response body (at most 512 characters, secrets redacted); may be empty. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** Whether the request may have reached the service ({@code false}: it certainly did not). */
    public boolean requestSent() {
        return requestSent;
    }
}
