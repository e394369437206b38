package dev.sobatch.simulator;

/**
 * What an injected fault does to a request. Where the operation still runs, the client cannot tell from
 * the answer whether it did: exactly the "unknown outcome" a client must not paper over with a re-send.
 */
public enum FaultKind {
    /** Waits, then answers normally (the operation runs). */
    DELAY(true),
    /** An HTTP error status without a SOAP envelope; the operation does not run. 429/503 may carry Retry-After,
     *  500 carries an HTML error page as IIS sends it, 502 and 504 a proxy's page. */
    HTTP_STATUS(false),
    /** A SOAP Fault with HTTP 500; the operation does not run. */
    SOAP_FAULT(false),
    /** HTTP 200 with {@code Succeeded=false} and an {@code ExceptionInfo}; the operation does not run. */
    EXCEPTION_INFO(false),
    /** The connection is closed as soon as the request line and headers arrive; the operation does not run. */
    CLOSE_BEFORE_READ(false),
    /** The request is read and executed, then the connection is closed without an answer. */
    CLOSE_AFTER_READ(true),
    /** The operation runs; half the answer is sent under the full Content-Length, then the connection closes. */
    TRUNCATED_BODY(true),
    /** The operation runs; the answer is a complete HTTP message whose XML is cut off (not well-formed). */
    MALFORMED_BODY(true),
    /** The operation runs; the answer is a well-formed envelope padded beyond the client's size limit. */
    OVERSIZED_BODY(true);

    private final boolean operationRuns;

    FaultKind(boolean operationRuns) {
        this.operationRuns = operationRuns;
    }

    /** Whether the operation still changes the simulator's state under this fault. */
    public boolean operationRuns() {
        return operationRuns;
    }
}
