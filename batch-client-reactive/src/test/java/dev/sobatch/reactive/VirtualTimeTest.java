package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.client.TicketSource;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Timing of polls and backoff on virtual time: exchanges are real (loopback HTTP, real milliseconds), while
 * the client's timers (poll interval, backoff, deadline) run on Reactor's parallel scheduler, which
 * {@link StepVerifier#withVirtualTime} replaces. Before moving the virtual clock, each test waits (in real
 * time) until the client has handled the last answer, so that the clock never moves under an exchange.
 */
class VirtualTimeTest {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final BatchTaskInfo TASK = BatchTaskInfo.named("Export").build();
    private final TestServer server = TestServer.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Logical calls begun: the ticket source is asked once per call, synchronously on subscription. */
    private final AtomicInteger callsBegun = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClientBuilder builder() {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).meterRegistry(meters)
                .ticketSource(TicketSource.from(() -> {
                    callsBegun.incrementAndGet();
                    return Mono.just("t");
                }));
    }

    @Test
    void watchPollsOncePerIntervalEmitsOnlyChangesAndCompletesAtATerminalState() {
        BatchTaskInfo.Builder t = BatchTaskInfo.named("Export").id(4);
        server.then(Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(10).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(10).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(60).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.SUCCEEDED).progressPercent(100).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.SUCCEEDED).progressPercent(100).build())));
        Duration interval = Duration.ofSeconds(10);
        try (ReactiveBatchClient c = builder().build()) {
            StepVerifier.withVirtualTime(() -> c.watch(4, interval))
                    .assertNext(x -> assertThat(x.progressPercent()).isEqualTo((short) 10))
                    .then(() -> awaitCallsEnded(1))
                    .expectNoEvent(interval.minusMillis(1))
                    .then(() -> assertThat(callsBegun).hasValue(1))
                    .thenAwait(Duration.ofMillis(1))
                    .then(() -> await(callsBegun::get, 2))
                    .then(() -> awaitCallsEnded(2)) // the same progress again: nothing emitted
                    .expectNoEvent(interval.minusMillis(1))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(x -> assertThat(x.progressPercent()).isEqualTo((short) 60))
                    .then(() -> awaitCallsEnded(3))
                    .thenAwait(interval)
                    .assertNext(x -> assertThat(x.state()).isEqualTo(BatchTaskState.SUCCEEDED))
                    .expectComplete()
                    .verify(GUARD);
        }
        assertThat(callsBegun).hasValue(4);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void aRetryAfterOfFiveSecondsDelaysTheSecondAttemptByFiveSeconds() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try (ReactiveBatchClient c = builder().retryPolicy(RetryPolicy.defaults()).build()) {
            warmUp(c); // the pool is made now, so that its eviction timer is not on the virtual clock
            server.then(Answer.status(503, "Retry-After", "5"), Answer.ok(IntResponse.of(9)));
            StepVerifier.withVirtualTime(() -> c.startBatchJob(TASK), () -> clock, Long.MAX_VALUE)
                    .expectSubscription()
                    .then(() -> awaitTimers(clock, 2)) // the deadline's, then the backoff's after the 503
                    .then(() -> assertThat(server.requestCount()).isEqualTo(2))
                    .expectNoEvent(Duration.ofMillis(4_999))
                    .then(() -> assertThat(retries("throttled")).isZero())
                    .thenAwait(Duration.ofMillis(1))
                    .then(() -> awaitRetries("throttled", 1))
                    .expectNext(9)
                    .expectComplete()
                    .verify(GUARD);
        }
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void backoffWithoutRetryAfterStaysWithinTheExponentialCeiling() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        RetryPolicy policy = RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(3)).build();
        try (ReactiveBatchClient c = builder().retryPolicy(policy).build()) {
            warmUp(c);
            server.then(Answer.status(503), Answer.status(503), Answer.ok(IntResponse.of(9)));
            StepVerifier.withVirtualTime(() -> c.startBatchJob(TASK), () -> clock, Long.MAX_VALUE)
                    .expectSubscription()
                    .then(() -> awaitTimers(clock, 2))
                    .thenAwait(Duration.ofSeconds(2)) // first retry: at most base
                    // at least one: full jitter may draw a delay of ~0 for the second retry too
                    .then(() -> await(() -> (long) retries("throttled"), 1))
                    .then(() -> awaitTimers(clock, 3))
                    .thenAwait(Duration.ofSeconds(3)) // second retry: at most min(cap, 2 * base)
                    .then(() -> awaitRetries("throttled", 2))
                    .expectNext(9)
                    .expectComplete()
                    .verify(GUARD);
        }
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheThrottlingError() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try (ReactiveBatchClient c = builder().retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
                .deadline(Duration.ofSeconds(20)).build()) {
            warmUp(c);
            server.then(Answer.status(429, "Retry-After", "25"));
            StepVerifier.withVirtualTime(() -> c.startBatchJob(TASK), () -> clock, Long.MAX_VALUE)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(BatchTransportException.class,
                            t -> assertThat(t.httpStatus()).hasValue(429)))
                    .verify(GUARD); // the virtual clock never moved: the client did not wait
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterWithinTheDeadlineIsWaitedFor() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try (ReactiveBatchClient c = builder().retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
                .deadline(Duration.ofSeconds(20)).build()) {
            warmUp(c);
            server.then(Answer.status(429, "Retry-After", "15"), Answer.ok(IntResponse.of(3)));
            StepVerifier.withVirtualTime(() -> c.startBatchJob(TASK), () -> clock, Long.MAX_VALUE)
                    .expectSubscription()
                    .then(() -> awaitTimers(clock, 2))
                    .thenAwait(Duration.ofSeconds(15))
                    .expectNext(3)
                    .expectComplete()
                    .verify(GUARD);
        }
        assertThat(server.requestCount()).isEqualTo(3);
    }

    private void warmUp(ReactiveBatchClient c) {
        server.then(Answer.ok(BatchTaskInfoResponse.of(null)));
        c.getBatchTaskInfo(0).block(GUARD);
        callsBegun.set(0);
    }

    private double retries(String reason) {
        return meters.counter("sobatch.client.attempts", "operation", "StartBatchJob", "reason", reason).count();
    }

    /**
     * Waits until {@code n} retries were made. A timer's task may run on the thread that scheduled it rather
     * than on the one moving the clock: {@link VirtualTimeScheduler} counts a task before queueing it, so
     * {@link #awaitTimers} can return, and the clock move, just before the task is queued; the scheduling
     * thread then runs it (its due time has passed) right after. Asserting at once raced with that thread.
     * A retry due after the clock's new time never runs, and this fails after the guard time.
     */
    private void awaitRetries(String reason, long n) {
        await(() -> (long) retries(reason), n);
        assertThat(retries(reason)).isEqualTo(n);
    }

    /** Waits until {@code n} logical calls ended (the timer is stopped after the result went downstream). */
    private void awaitCallsEnded(long n) {
        await(() -> meters.find("sobatch.client.requests").timers().stream().mapToLong(Timer::count).sum(), n);
    }

    /** Waits until {@code n} timers were put on the virtual clock since it was created. */
    private static void awaitTimers(VirtualTimeScheduler clock, long n) {
        await(clock::getScheduledTaskCount, n);
    }

    private static void await(LongSupplier value, long atLeast) {
        long until = System.nanoTime() + GUARD.toNanos();
        while (value.getAsLong() < atLeast) {
            assertThat(System.nanoTime()).as("reached %s in time", atLeast).isLessThan(until);
            Thread.onSpinWait();
        }
    }
}
