package dev.sobatch.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket that bounds retries across all calls of one client, so that many concurrent calls do not
 * multiply the load on a failing server. Each retry takes one token; each successful call puts back
 * {@code refillPerSuccess} tokens, up to {@code maxTokens}. A retry that finds no whole token is refused and
 * the call fails with its last error.
 *
 * <p>This object is an immutable specification; every client creates its own {@link Bucket} from it with
 * {@link #newBucket()}, so one {@link RetryPolicy} can configure several clients without coupling them.
 */
public final class RetryBudget {
    private static final RetryBudget UNLIMITED = new RetryBudget(Integer.MAX_VALUE, 0, true);
    private static final RetryBudget DEFAULTS = new RetryBudget(20, 0.2, false);

    private final int maxTokens;
    private final double refillPerSuccess;
    private final boolean unlimited;

    private RetryBudget(int maxTokens, double refillPerSuccess, boolean unlimited) {
        this.maxTokens = maxTokens;
        this.refillPerSuccess = refillPerSuccess;
        this.unlimited = unlimited;
    }

    /** 20 tokens, refilled by 0.2 per success: a burst of 20 retries, then one retry per five successes. */
    public static RetryBudget defaults() {
        return DEFAULTS;
    }

    /** No limit: every retry the policy allows is made. */
    public static RetryBudget unlimited() {
        return UNLIMITED;
    }

    /**
     * A bucket holding at most {@code maxTokens} (it starts full), refilled by {@code refillPerSuccess}
     * tokens per successful call.
     */
    public static RetryBudget of(int maxTokens, double refillPerSuccess) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must not be negative: " + maxTokens);
        }
        if (!(refillPerSuccess >= 0) || Double.isInfinite(refillPerSuccess)) {
            throw new IllegalArgumentException("refillPerSuccess must be a finite number >= 0: " + refillPerSuccess);
        }
        return new RetryBudget(maxTokens, refillPerSuccess, false);
    }

    public int maxTokens() {
        return maxTokens;
    }

    public double refillPerSuccess() {
        return refillPerSuccess;
    }

    public boolean isUnlimited() {
        return unlimited;
    }

    /** A fresh, full bucket for one client. */
    public Bucket newBucket() {
        return new Bucket(this);
    }

    @Override
    public String toString() {
        return unlimited ? "RetryBudget[unlimited]"
                : "RetryBudget[maxTokens=" + maxTokens + ", refillPerSuccess=" + refillPerSuccess + "]";
    }

    /** The mutable, thread-safe state of a budget: tokens in milli-tokens, updated lock-free. */
    public static final class Bucket {
        private static final long SCALE = 1000;
        private final RetryBudget spec;
        private final long max;
        private final long refill;
        private final AtomicLong milliTokens;

        private Bucket(RetryBudget spec) {
            this.spec = spec;
            this.max = spec.unlimited ? Long.MAX_VALUE : spec.maxTokens * SCALE;
            this.refill = Math.round(spec.refillPerSuccess * SCALE);
            this.milliTokens = new AtomicLong(max);
        }

        /** Takes one token for a retry; {@code false} when the budget is exhausted. */
        public boolean tryAcquire() {
            if (spec.unlimited) {
                return true;
            }
            while (true) {
                long now = milliTokens.get();
                if (now < SCALE) {
                    return false;
                }
                if (milliTokens.compareAndSet(now, now - SCALE)) {
                    return true;
                }
            }
        }

        /** Credits a successful call. */
        public void onSuccess() {
            // a full bucket (the usual state) is only read: no write to a line every event loop shares
            if (spec.unlimited || refill == 0 || milliTokens.get() >= max) {
                return;
            }
            milliTokens.accumulateAndGet(refill, (now, add) -> Math.min(max, now + add));
        }

        /** Tokens left (fractional). */
        public double available() {
            return spec.unlimited ? Double.POSITIVE_INFINITY : milliTokens.get() / (double) SCALE;
        }

        public RetryBudget spec() {
            return spec;
        }
    }
}
