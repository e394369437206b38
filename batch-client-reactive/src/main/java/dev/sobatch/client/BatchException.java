package dev.sobatch.client;

import java.util.Objects;

/**
 * The common supertype of every failure a sobatch client reports. Each names the WSDL operation that failed
 * and the host of the endpoint it was sent to; messages never contain tickets, application tokens or
 * passwords.
 */
public abstract class BatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String endpointHost;

    protected BatchException(String operation, String endpointHost, String detail, Throwable cause) {
        super(operation + " on " + endpointHost + ": " + detail, cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.endpointHost = Objects.requireNonNull(endpointHost, "endpointHost");
    }

    /** The WSDL operation name, e.g. {@code StartBatchJob}. */
    public String operation() {
        return operation;
    }

    /** The host of the endpoint the call went to (never a path, ticket or token). */
    public String endpointHost() {
        return endpointHost;
    }
}
