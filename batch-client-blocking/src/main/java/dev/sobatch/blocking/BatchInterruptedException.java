package dev.sobatch.blocking;

import java.util.Objects;

/**
 * A {@link BatchClient} call was abandoned because the calling thread was interrupted, either while it
 * waited for the answer or before the call began. The thread's interrupt flag is still set when this is
 * thrown, and the underlying reactive call has been cancelled (its connection is closed, not reused).
 *
 * <p>Whether the service acted on the request is unknown: a StartBatchJob interrupted while waiting may
 * still have started a job. A call made on an already interrupted thread sends nothing.
 *
 * <p>This is deliberately not a {@link dev.sobatch.client.BatchException}: an interrupt is a request to
 * stop, not a failure of the service, so handlers that catch service failures and carry on do not
 * swallow it by accident.
 */
public final class BatchInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final boolean requestSent;

    BatchInterruptedException(String operation, boolean requestSent, InterruptedException cause) {
        super(operation + (requestSent
                ? " was interrupted while waiting for the service; the call was cancelled and its outcome is unknown"
                : " was not sent: the calling thread was already interrupted"), cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.requestSent = requestSent;
    }

    /**
     * The operation that was interrupted: a WSDL operation name such as {@code StartBatchJob}, or
     * {@code startAndAwait} / {@code await} for the polling helpers.
     */
    public String operation() {
        return operation;
    }

    /** Whether the call had begun (so the service may have received the request). */
    public boolean requestSent() {
        return requestSent;
    }
}
