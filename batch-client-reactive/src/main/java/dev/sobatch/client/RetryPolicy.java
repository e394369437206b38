package dev.sobatch.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how a client re-sends a request. Immutable.
 *
 * <p>Which failures are retried depends on what is known about the request:
 * <ul>
 *   <li>the request certainly did not reach the service (connect refused or failed, DNS, pool acquire
 *       timeout, connection closed before the request was written) or the service asked to come back later
 *       (HTTP 503 or 429): retried for every operation;</li>
 *   <li>the outcome is unknown (response timeout, connection closed or reset after the request was written,
 *       HTTP 502/504, HTTP 500 without a SOAP Fault): retried only for idempotent operations (queries,
 *       StopBatchJob, the deletes), and for StartBatchJob and UpdateBatchTask only with
 *       {@link Builder#retryUnsafe(boolean) retryUnsafe(true)};</li>
 *   <li>the service refused the request (SOAP Fault, ExceptionInfo) or answered nonsense: never retried.</li>
 * </ul>
 * The delay before retry <i>n</i> is drawn uniformly from {@code [0, min(cap, base * 2^(n-1))]} ("full
 * jitter"), or is the server's {@code Retry-After} when that is longer (capped at {@link #maxRetryAfter()}).
 * The client's overall deadline bounds all attempts and delays together; a retry whose delay would reach the
 * deadline is not waited for: the call fails at once with the last attempt's error (e.g. the 503 with its
 * status) rather than with a timeout later.
 */
public final class RetryPolicy {
    private static final Duration DEFAULT_BASE = Duration.ofMillis(100);
    private static final Duration DEFAULT_CAP = Duration.ofSeconds(5);
    private static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration maxRetryAfter;
    private final boolean retryUnsafe;
    private final RetryBudget budget;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoffBase = b.backoffBase;
        this.backoffCap = b.backoffCap;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryUnsafe = b.retryUnsafe;
        this.budget = b.budget;
    }

    /**
     * 3 attempts, full-jitter exponential backoff with base 100 ms and cap 5 s, Retry-After honoured up to
     * 30 s, no unsafe re-sends, {@link RetryBudget#defaults() default budget}.
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** One attempt, never a retry. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.backoffBase = backoffBase;
        b.backoffCap = backoffCap;
        b.maxRetryAfter = maxRetryAfter;
        b.retryUnsafe = retryUnsafe;
        b.budget = budget;
        return b;
    }

    /** Attempts per call, the first included (1 = no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public Duration backoffCap() {
        return backoffCap;
    }

    /** The longest {@code Retry-After} the client waits for; longer values are cut to this. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Whether StartBatchJob and UpdateBatchTask are also re-sent when their outcome is unknown. */
    public boolean retryUnsafe() {
        return retryUnsafe;
    }

    public RetryBudget budget() {
        return budget;
    }

    /**
     * The upper bound of the jittered delay before retry number {@code retry} (1 = first retry):
     * {@code min(cap, base * 2^(retry-1))}.
     */
    public Duration backoffCeiling(long retry) {
        long base = backoffBase.toNanos();
        long shift = Math.min(Math.max(retry - 1, 0), 40);
        long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Duration.ofNanos(Math.min(ceiling, backoffCap.toNanos()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && retryUnsafe == p.retryUnsafe
                && backoffBase.equals(p.backoffBase) && backoffCap.equals(p.backoffCap)
                && maxRetryAfter.equals(p.maxRetryAfter) && budget.equals(p.budget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoffBase, backoffCap, maxRetryAfter, retryUnsafe, budget);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + backoffBase + ".." + backoffCap
                + ", maxRetryAfter=" + maxRetryAfter + ", retryUnsafe=" + retryUnsafe + ", " + budget + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration backoffBase = DEFAULT_BASE;
        private Duration backoffCap = DEFAULT_CAP;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private boolean retryUnsafe;
        private RetryBudget budget = RetryBudget.defaults();

        private Builder() {
        }

        /** Attempts per call including the first; at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Exponential backoff: the ceiling starts at {@code base} and doubles up to {@code cap}. */
        public Builder backoff(Duration base, Duration cap) {
            requireNonNegative(base, "base");
            requireNonNegative(cap, "cap");
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
            }
            this.backoffBase = base;
            this.backoffCap = cap;
            return this;
        }

        /** The longest server-requested {@code Retry-After} honoured. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = requireNonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** Also re-send StartBatchJob and UpdateBatchTask after unknown-outcome failures (may duplicate jobs). */
        public Builder retryUnsafe(boolean retryUnsafe) {
            this.retryUnsafe = retryUnsafe;
            return this;
        }

        public Builder budget(RetryBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration requireNonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }
    }
}
