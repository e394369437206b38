package dev.sobatch.client;

/**
 * The overall deadline of a call passed (retries and backoff included), or the last attempt got no
 * response within the per-attempt response timeout.
 */
public final class BatchTimeoutException extends BatchException {
    private static final long serialVersionUID = 1L;

    public BatchTimeoutException(String operation, String endpointHost, String detail, Throwable cause) {
        super(operation, endpointHost, detail, cause);
    }
}
