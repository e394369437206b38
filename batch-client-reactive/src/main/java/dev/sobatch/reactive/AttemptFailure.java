package dev.sobatch.reactive;

import dev.sobatch.client.BatchException;
import java.time.Duration;

/**
 * A classified failure of one attempt, travelling between the exchange and the retry step. Never escapes
 * the client: after the last attempt the {@link #error()} is what the caller sees.
 */
final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BatchException error;
    private final RetryClass retryClass;
    private final Duration retryAfter;

    AttemptFailure(BatchException error, RetryClass retryClass, Duration retryAfter) {
        super(error.getMessage(), null, false, false);
        this.error = error;
        this.retryClass = retryClass;
        this.retryAfter = retryAfter;
    }

    AttemptFailure(BatchException error, RetryClass retryClass) {
        this(error, retryClass, null);
    }

    BatchException error() {
        return error;
    }

    RetryClass retryClass() {
        return retryClass;
    }

    /** The server's {@code Retry-After}, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }
}
