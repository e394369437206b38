package dev.sobatch.simulator;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapFault;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Arms faults that the simulator injects into its answers, for testing how clients cope:
 * <pre>{@code
 * sim.faults().on("StartBatchJob").once().httpStatus(503).retryAfter(Duration.ofSeconds(1));
 * sim.faults().nthRequest(3).closeAfterRead();
 * sim.faults().on("GetBatchTaskInfo").times(2).delay(Duration.ofSeconds(5));
 * sim.faults().clear();
 * }</pre>
 * A fault is active as soon as its kind is chosen. When several match a request, the one armed first
 * fires. Counting ({@code nthRequest}, {@code times}) starts when the fault is armed. Thread-safe.
 */
public final class FaultInjector {
    private final List<InjectedFault> faults = new CopyOnWriteArrayList<>();

    FaultInjector() {
    }

    /** Faults for requests of one operation, by its WSDL name (e.g. {@code StartBatchJob}); by default every one. */
    public Selector on(String operationName) {
        Objects.requireNonNull(operationName, "operationName");
        boolean known = BatchOperation.forName(operationName).isPresent()
                || SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD.operationName().equals(operationName);
        if (!known) {
            throw new IllegalArgumentException("no such operation: " + operationName);
        }
        return new Selector(operationName, 0, -1);
    }

    /** Faults for every request, whatever its operation. */
    public Selector anyRequest() {
        return new Selector(null, 0, -1);
    }

    /** A fault for the n-th request (from 1) that arrives after the fault is armed, and only that one. */
    public Selector nthRequest(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1: " + n);
        }
        return new Selector(null, n - 1L, 1);
    }

    /** Disarms every fault. */
    public void clear() {
        faults.clear();
    }

    /** The faults armed now, fired out or not. */
    public List<InjectedFault> faults() {
        return List.copyOf(faults);
    }

    void remove(InjectedFault fault) {
        faults.remove(fault);
    }

    /** The fault for a request at the moment its headers arrived (only faults that act before reading). */
    InjectedFault beforeRead(String operation) {
        return match(operation, true);
    }

    /** The fault for a request whose body has been read. */
    InjectedFault afterRead(String operation) {
        return match(operation, false);
    }

    private InjectedFault match(String operation, boolean beforeRead) {
        if (faults.isEmpty()) {
            return null;
        }
        for (InjectedFault f : faults) {
            if ((f.kind() == FaultKind.CLOSE_BEFORE_READ) == beforeRead && f.tryFire(operation)) {
                return f;
            }
        }
        return null;
    }

    private InjectedFault arm(InjectedFault fault) {
        faults.add(fault);
        return fault;
    }

    /** Chooses how often a fault fires, then what it does. Each kind method arms one fault. */
    public final class Selector {
        private final String operation;
        private final long skip;
        private int times;

        private Selector(String operation, long skip, int times) {
            this.operation = operation;
            this.skip = skip;
            this.times = times;
        }

        /** Fire for the first matching request only. */
        public Selector once() {
            return times(1);
        }

        /** Fire for the next {@code n} matching requests. */
        public Selector times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be positive: " + n);
            }
            this.times = n;
            return this;
        }

        /** Fire for every matching request until cleared (the default for {@code on} and {@code anyRequest}). */
        public Selector always() {
            this.times = -1;
            return this;
        }

        /** Wait this long, then answer normally. */
        public InjectedFault delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
            return arm(FaultKind.DELAY, 0, delay, null, null, 0);
        }

        /** Answer with this HTTP status and no SOAP envelope (see {@link FaultKind#HTTP_STATUS}). */
        public InjectedFault httpStatus(int status) {
            if (status < 300 || status > 599) {
                throw new IllegalArgumentException("an error status is 300..599: " + status);
            }
            return arm(FaultKind.HTTP_STATUS, status, null, null, null, 0);
        }

        /** Answer with a server SOAP Fault. */
        public InjectedFault soapFault() {
            return soapFault(SoapFault.server("The server was unable to process the request due to an internal error.",
                    null));
        }

        /** Answer with this SOAP Fault. */
        public InjectedFault soapFault(SoapFault fault) {
            return arm(FaultKind.SOAP_FAULT, 0, null, Objects.requireNonNull(fault, "fault"), null, 0);
        }

        /** Answer {@code Succeeded=false} with a generic SoException. */
        public InjectedFault exceptionInfo() {
            return exceptionInfo("SoException", "Simulated failure");
        }

        /** Answer {@code Succeeded=false} with an exception of this .NET type and message. */
        public InjectedFault exceptionInfo(String exceptionType, String message) {
            return exceptionInfo(SoExceptionInfo.builder().exceptionType(exceptionType).message(message)
                    .friendlyText(message).source("SuperOffice.Services88").build());
        }

        /** Answer {@code Succeeded=false} with this exception info. */
        public InjectedFault exceptionInfo(SoExceptionInfo info) {
            return arm(FaultKind.EXCEPTION_INFO, 0, null, null, Objects.requireNonNull(info, "info"), 0);
        }

        public InjectedFault closeBeforeRead() {
            return arm(FaultKind.CLOSE_BEFORE_READ, 0, null, null, null, 0);
        }

        public InjectedFault closeAfterRead() {
            return arm(FaultKind.CLOSE_AFTER_READ, 0, null, null, null, 0);
        }

        public InjectedFault truncatedBody() {
            return arm(FaultKind.TRUNCATED_BODY, 0, null, null, null, 0);
        }

        public InjectedFault malformedBody() {
            return arm(FaultKind.MALFORMED_BODY, 0, null, null, null, 0);
        }

        /** An answer of {@link InjectedFault#DEFAULT_OVERSIZED_BYTES}. */
        public InjectedFault oversizedBody() {
            return oversizedBody(InjectedFault.DEFAULT_OVERSIZED_BYTES);
        }

        /** An answer of at least this many bytes. */
        public InjectedFault oversizedBody(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("bytes must be positive: " + bytes);
            }
            return arm(FaultKind.OVERSIZED_BODY, 0, null, null, null, bytes);
        }

        private InjectedFault arm(FaultKind kind, int status, Duration delay, SoapFault fault, SoExceptionInfo info,
                long bytes) {
            return FaultInjector.this.arm(new InjectedFault(FaultInjector.this, operation, skip, times, kind, status,
                    delay, fault, info, bytes));
        }
    }
}
