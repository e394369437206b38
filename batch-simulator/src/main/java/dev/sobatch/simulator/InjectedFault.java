package dev.sobatch.simulator;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.soap.SoapFault;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One armed fault: which requests it hits, what it does, and how often it has fired. Created by the
 * {@link FaultInjector.Selector} methods, already active. Thread-safe.
 */
public final class InjectedFault {
    /** Default size of an oversized answer: just above the SDK client's 16 MiB default limit. */
    public static final long DEFAULT_OVERSIZED_BYTES = 17L * 1024 * 1024;

    private final FaultInjector owner;
    private final String operation;
    private final long skip;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();
    private final FaultKind kind;
    private final int httpStatus;
    private final Duration delay;
    private final SoapFault soapFault;
    private final SoExceptionInfo exceptionInfo;
    private final long oversizedBytes;
    private volatile Duration retryAfter;

    InjectedFault(FaultInjector owner, String operation, long skip, int times, FaultKind kind, int httpStatus,
            Duration delay, SoapFault soapFault, SoExceptionInfo exceptionInfo, long oversizedBytes) {
        this.owner = owner;
        this.operation = operation;
        this.skip = skip;
        this.remaining = new AtomicInteger(times);
        this.kind = Objects.requireNonNull(kind);
        this.httpStatus = httpStatus;
        this.delay = delay;
        this.soapFault = soapFault;
        this.exceptionInfo = exceptionInfo;
        this.oversizedBytes = oversizedBytes;
    }

    /** Sends a {@code Retry-After} header (whole seconds, rounded up) with an HTTP status fault. */
    public InjectedFault retryAfter(Duration retryAfter) {
        if (kind != FaultKind.HTTP_STATUS) {
            throw new IllegalStateException("Retry-After only goes with an HTTP status fault, not " + kind);
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.retryAfter = retryAfter;
        return this;
    }

    /** Disarms this fault. */
    public void remove() {
        owner.remove(this);
    }

    public FaultKind kind() {
        return kind;
    }

    /** The operation this fault is limited to, or {@code null} for any. */
    public String operation() {
        return operation;
    }

    /** How many requests this fault has hit so far. */
    public int timesFired() {
        return fired.get();
    }

    /** Whether it can still fire. */
    public boolean isArmed() {
        return remaining.get() != 0;
    }

    int httpStatus() {
        return httpStatus;
    }

    Duration delay() {
        return delay;
    }

    Duration retryAfterValue() {
        return retryAfter;
    }

    SoapFault soapFault() {
        return soapFault;
    }

    SoExceptionInfo exceptionInfo() {
        return exceptionInfo;
    }

    long oversizedBytes() {
        return oversizedBytes;
    }

    /** Counts the request against this fault and says whether the fault fires for it. */
    boolean tryFire(String requestOperation) {
        if (operation != null && !operation.equals(requestOperation)) {
            return false;
        }
        if (remaining.get() == 0) {
            return false;
        }
        if (seen.incrementAndGet() <= skip) {
            return false;
        }
        int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (left == 0) {
            return false;
        }
        fired.incrementAndGet();
        return true;
    }

    @Override
    public String toString() {
        return "InjectedFault[" + kind + (httpStatus > 0 ? " " + httpStatus : "") + ", operation="
                + (operation == null ? "any" : operation) + ", fired=" + fired.get() + "]";
    }
}
