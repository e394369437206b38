package dev.sobatch.reactive;

import dev.sobatch.client.RetryBudget;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.soap.SoapOperation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The retry decision: per failed attempt it checks the failure's
 * {@link RetryClass} against the operation and the policy, the attempt count, and the client's budget, then
 * delays by full-jitter backoff or the server's {@code Retry-After}, whichever is longer. A delay that would
 * reach the call's deadline is not waited for: the call fails at once with the last attempt's error.
 */
final class RetryStep {
    /** Context key: when the logical call's deadline ends, in {@code Schedulers.parallel().now(NANOSECONDS)}. */
    static final String DEADLINE = "sobatch.deadline";

    private final RetryPolicy policy;
    private final RetryBudget.Bucket bucket;
    private final Instrumentation instrumentation;
    private final BooleanSupplier closed;

    RetryStep(RetryPolicy policy, RetryBudget.Bucket bucket, Instrumentation instrumentation, BooleanSupplier closed) {
        this.policy = policy;
        this.bucket = bucket;
        this.instrumentation = instrumentation;
        this.closed = closed;
    }

    RetryBudget.Bucket bucket() {
        return bucket;
    }

    /** Whether a failed attempt may ever be followed by another under this policy. */
    boolean mayRetry() {
        return policy.maxAttempts() > 1;
    }

    /**
     * What follows the failed attempt number {@code retriesDone + 1}: the next attempt ({@code next}) after the
     * backoff, or the failure itself when the failure's class, the attempt count, the deadline or the budget
     * rule a retry out. Called on the error path only, so a call that succeeds at once pays nothing for it.
     */
    <T> Mono<T> afterFailure(SoapOperation op, AttemptFailure af, long retriesDone, Supplier<Mono<T>> next) {
        if (!allowed(op, af.retryClass()) || retriesDone + 1 >= policy.maxAttempts()) {
            return Mono.error(af);
        }
        if (closed.getAsBoolean()) {
            return Mono.error(ClientRuntime.closedError(af.error()));
        }
        Duration delay = delay(retriesDone + 1, af.retryAfter());
        return Mono.deferContextual(ctx -> {
            if (endsAfter(ctx.getOrDefault(DEADLINE, null), delay)) {
                return Mono.error(af); // the retry could not be made in time: no point sleeping into a timeout
            }
            if (!bucket.tryAcquire()) {
                instrumentation.retryRefused(op);
                return Mono.error(af);
            }
            // Schedulers.parallel() is looked up per retry so that virtual-time tests can replace it.
            return Mono.delay(delay, Schedulers.parallel()).flatMap(tick -> {
                if (closed.getAsBoolean()) { // closed during the backoff: never acquire a connection after close()
                    return Mono.error(ClientRuntime.closedError(af.error()));
                }
                instrumentation.attempt(op, af.retryClass().reason()); // counted when made, not when planned
                return next.get();
            });
        });
    }

    /** Whether waiting {@code delay} from now reaches the deadline ({@code null}: no deadline known). */
    private static boolean endsAfter(Long deadlineNanos, Duration delay) {
        if (deadlineNanos == null) {
            return false;
        }
        long left = deadlineNanos - Schedulers.parallel().now(TimeUnit.NANOSECONDS);
        return delay.toNanos() >= left;
    }

    boolean allowed(SoapOperation op, RetryClass cls) {
        switch (cls) {
            case NOT_SENT:
            case THROTTLED:
                return true;
            case UNKNOWN_OUTCOME:
                return op.idempotent() || policy.retryUnsafe();
            default:
                return false;
        }
    }

    /** Full jitter on the exponential ceiling, but never shorter than the (capped) Retry-After. */
    Duration delay(long retry, Duration retryAfter) {
        long ceiling = policy.backoffCeiling(retry).toNanos();
        long jitter = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        long floor = retryAfter == null ? 0 : Math.min(retryAfter.toNanos(), policy.maxRetryAfter().toNanos());
        return Duration.ofNanos(Math.max(jitter, floor));
    }
}
