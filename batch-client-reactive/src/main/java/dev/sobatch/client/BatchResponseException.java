package dev.sobatch.client;

import dev.sobatch.soap.SoapDecodingException;
import java.util.Optional;

/**
 * The service answered with something the client cannot accept: malformed or non-XML content, a wrong
 * content type (e.g. an HTML page with status 200), a body larger than the configured limit, or a response
 * that violates the contract (e.g. a missing value).
 */
public final class BatchResponseException extends BatchException {
    private static final long serialVersionUID = 1L;

    private final SoapDecodingException.Reason reason;
    private final int httpStatus;

    public BatchResponseException(String operation, String endpointHost, String detail, int httpStatus,
            SoapDecodingException.Reason reason, Throwable cause) {
        super(operation, endpointHost, detail, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    /** The decoder's reason, when decoding failed. */
    public Optional<SoapDecodingException.Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }
}
