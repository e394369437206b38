package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.client.TicketSource;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapFault;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TicketAndInstrumentationTest {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final BatchTaskInfo TASK = BatchTaskInfo.named("Export").build();
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTicketSupplierIsAskedOncePerCall() {
        AtomicInteger n = new AtomicInteger();
        server.otherwise(Answer.ok(IntResponse.of(1)));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                .ticketSource(TicketSource.from(() -> Mono.just("ticket-" + n.incrementAndGet()))).build()) {
            var call = c.startBatchJob(TASK);
            call.block(GUARD);
            call.block(GUARD);
        }
        assertThat(server.requests()).extracting(r -> r.soap().headers().ticket()).containsExactly("ticket-1", "ticket-2");
    }

    @Test
    void soPrincipalCredentialsAuthenticateOnceAndReauthenticateOnceWhenTheTicketIsRejected() {
        SoExceptionInfo expired = SoExceptionInfo.builder().message("Ticket expired")
                .exceptionType("SuperOffice.Security.SoSecurityException").build();
        server.then(Answer.ok(AuthenticateResponse.succeeded("T1", 5, "bob")),
                Answer.ok(IntResponse.of(10)), // first call with T1
                Answer.ok(IntResponse.of(11)), // second call, cached T1
                Answer.withHeaders(ResponseHeaders.failure(expired), IntResponse.of(0)), // T1 rejected
                Answer.ok(AuthenticateResponse.succeeded("T2", 5, "bob")),
                Answer.ok(IntResponse.of(12)));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                .credentials("bob", "pw-SECRET").build()) {
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(10);
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(11);
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(12);
        }
        var r = server.requests();
        assertThat(r).extracting(x -> x.path()).containsExactly("/Remote/Services88/SoPrincipal.svc",
                "/Remote/Services88/Batch.svc", "/Remote/Services88/Batch.svc", "/Remote/Services88/Batch.svc",
                "/Remote/Services88/SoPrincipal.svc", "/Remote/Services88/Batch.svc");
        assertThat(r.get(0).payload(AuthenticateUsernamePassword.class).password()).isEqualTo("pw-SECRET");
        assertThat(r.get(0).header("SOAPAction")).contains("SoPrincipal/AuthenticateUsernamePassword");
        assertThat(r.subList(1, 4)).allSatisfy(x -> assertThat(x.soap().headers().ticket()).isEqualTo("T1"));
        assertThat(r.get(5).soap().headers().ticket()).isEqualTo("T2");
    }

    @Test
    void concurrentCallsRejectingTheSameTicketShareOneReauthentication() {
        int calls = 10;
        AtomicInteger authentications = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        reactor.core.publisher.Sinks.Empty<Void> allRejectedArrived = reactor.core.publisher.Sinks.empty();
        SoExceptionInfo expired = SoExceptionInfo.builder().message("Ticket expired")
                .exceptionType("SuperOffice.Security.SoSecurityException").build();
        server.otherwise((r, req, res) -> {
            if ("AuthenticateUsernamePassword".equals(r.operation())) {
                String ticket = "T" + authentications.incrementAndGet();
                // A slow SoPrincipal: every rejection arrives while the re-authentication is still running.
                return Answer.delayed(Duration.ofMillis(150), Answer.ok(AuthenticateResponse.succeeded(ticket, 5, "bob")))
                        .answer(r, req, res);
            }
            if ("T1".equals(r.soap().headers().ticket())) {
                if (rejected.incrementAndGet() == calls) {
                    allRejectedArrived.tryEmitEmpty();
                }
                return allRejectedArrived.asMono().then(Mono.from(Answer.withHeaders(ResponseHeaders.failure(expired),
                        IntResponse.of(0)).answer(r, req, res)));
            }
            return Answer.ok(IntResponse.of(1)).answer(r, req, res);
        });
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                .credentials("bob", "pw-SECRET").build()) {
            List<Integer> ids = Flux.range(0, calls).flatMap(i -> c.startBatchJob(TASK), calls).collectList().block(GUARD);
            assertThat(ids).hasSize(calls).containsOnly(1);
        }
        assertThat(authentications).as("AuthenticateUsernamePassword requests").hasValue(2);
        assertThat(server.requests()).filteredOn(x -> "StartBatchJob".equals(x.operation()))
                .extracting(x -> x.soap().headers().ticket()).containsOnly("T1", "T2").hasSize(2 * calls);
    }

    @Test
    void aTicketRejectedAgainAfterReauthenticationFailsWithoutLooping() {
        SoapFault invalid = SoapFault.client("The ticket is invalid", null);
        server.then(Answer.ok(AuthenticateResponse.succeeded("T1", 5, "bob")), Answer.fault(500, invalid),
                Answer.ok(AuthenticateResponse.succeeded("T2", 5, "bob")), Answer.fault(500, invalid));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                .credentials("bob", "pw-SECRET").build()) {
            Throwable e = catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD));
            assertThat(e).isInstanceOf(BatchServiceException.class);
            assertThat(e.getMessage()).doesNotContain("pw-SECRET").doesNotContain("T1").doesNotContain("T2");
        }
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void refusedCredentialsAreAServiceExceptionOfAuthenticate() {
        server.then(Answer.ok(AuthenticateResponse.failed()));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                .credentials("bob", "pw-SECRET").build()) {
            BatchServiceException e = (BatchServiceException) catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD));
            assertThat(e.operation()).isEqualTo("AuthenticateUsernamePassword");
            assertThat(e.getMessage()).doesNotContain("pw-SECRET");
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void metricsCountAttemptsAndTimeCallsWithLowCardinalityTags() {
        server.then(Answer.ok(IntResponse.of(1)), Answer.status(503), Answer.status(503), Answer.status(503));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t-SECRET")
                .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build())
                .meterRegistry(meters).build()) {
            c.startBatchJob(TASK).block(GUARD);
            catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD));
        }
        // A call's timer stops once its result went downstream (block() may return a moment earlier).
        awaitTimedCalls(meters, 2);
        assertThat(meters.get("sobatch.client.requests").tags("operation", "StartBatchJob", "outcome", "SUCCESS",
                "error", "none", "soap.version", "1.1").timer().count()).isEqualTo(1);
        assertThat(meters.get("sobatch.client.requests").tags("operation", "GetBatchTaskInfo", "outcome",
                "TRANSPORT_ERROR", "error", "BatchTransportException").timer().count()).isEqualTo(1);
        assertThat(meters.counter("sobatch.client.attempts", "operation", "GetBatchTaskInfo", "reason", "first").count()).isEqualTo(1);
        assertThat(meters.counter("sobatch.client.attempts", "operation", "GetBatchTaskInfo", "reason", "throttled").count()).isEqualTo(2);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain("SECRET")
                .doesNotContain("/Remote").doesNotContain("Export"));
    }

    @Test
    void aFailingTicketSourceReachesTheCallerAsItIsAndIsTaggedUnknownNotTransport() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).meterRegistry(meters)
                .ticketSource(TicketSource.from(() -> Mono.error(new IllegalStateException("vault unreachable"))))
                .build()) {
            assertThat(catchThrowable(() -> c.startBatchJob(TASK).block(GUARD)))
                    .isExactlyInstanceOf(IllegalStateException.class).hasMessage("vault unreachable");
        }
        assertThat(server.requestCount()).isZero();
        assertThat(meters.get("sobatch.client.requests").tags("operation", "StartBatchJob", "outcome", "UNKNOWN",
                "error", "IllegalStateException").timer().count()).isEqualTo(1);
    }

    @Test
    void eachCallIsOneObservationWithOutcomeAndHost() {
        server.then(Answer.ok(IntResponse.of(1)), Answer.fault(500, SoapFault.server("no", null)));
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t")
                .observationRegistry(registry).build()) {
            c.startBatchJob(TASK).block(GUARD);
            catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD));
        }
        // An observation stops once its call's result went downstream (block() may return a moment earlier).
        eventually(() ->
                TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("sobatch.client.requests", 2)
                    .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "StartBatchJob")
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS").hasLowCardinalityKeyValue("error", "none")
                            .hasLowCardinalityKeyValue("soap.version", "1.1")
                            .hasHighCardinalityKeyValue("endpoint.host", "127.0.0.1"))
                    .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "GetBatchTaskInfo")
                            .hasLowCardinalityKeyValue("outcome", "SERVICE_ERROR")
                            .hasLowCardinalityKeyValue("error", "BatchServiceException").hasError()));
    }

    @Test
    void watchEmitsEachChangeAndCompletesOnATerminalState() {
        BatchTaskInfo.Builder t = BatchTaskInfo.named("Export").id(4);
        server.then(Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(10).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(10).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.STARTED).progressPercent(60).build())),
                Answer.ok(BatchTaskInfoResponse.of(t.state(BatchTaskState.SUCCEEDED).progressPercent(100).build())));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").build()) {
            List<BatchTaskInfo> seen = c.watch(4, Duration.ofMillis(10)).collectList().block(GUARD);
            assertThat(seen).extracting(BatchTaskInfo::progressPercent).containsExactly((short) 10, (short) 60, (short) 100);
            assertThat(seen.get(2).state()).isEqualTo(BatchTaskState.SUCCEEDED);
        }
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void startAndAwaitStartsThenPollsUntilTheTaskEnds() {
        server.then(Answer.ok(IntResponse.of(4)),
                Answer.ok(BatchTaskInfoResponse.of(BatchTaskInfo.named("Export").id(4).state(BatchTaskState.STARTED).build())),
                Answer.ok(BatchTaskInfoResponse.of(BatchTaskInfo.named("Export").id(4).state(BatchTaskState.FAILED).result("bad").build())));
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").build()) {
            BatchTaskInfo done = c.startAndAwait(TASK, Duration.ofMillis(10)).block(GUARD);
            assertThat(done.state()).isEqualTo(BatchTaskState.FAILED);
            assertThat(done.result()).isEqualTo("bad");
        }
    }

    @Test
    void startBatchJobsBoundsConcurrencyAndPairsResultsWithInputs() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.otherwise((r, req, res) -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            String name = r.payload(dev.sobatch.model.message.StartBatchJob.class).batchTaskInfo().name();
            Answer a = name.equals("bad") ? Answer.fault(500, SoapFault.client("bad task", null))
                    : Answer.ok(IntResponse.of(Integer.parseInt(name.substring(1))));
            return Mono.delay(Duration.ofMillis(50)).then(Mono.fromRunnable(inFlight::decrementAndGet))
                    .then(Mono.from(a.answer(r, req, res)));
        });
        List<BatchTaskInfo> inputs = List.of(BatchTaskInfo.named("n1").build(), BatchTaskInfo.named("n2").build(),
                BatchTaskInfo.named("bad").build(), BatchTaskInfo.named("n4").build(), BatchTaskInfo.named("n5").build());
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").build()) {
            List<StartResult> results = c.startBatchJobs(Flux.fromIterable(inputs), 2).collectList().block(GUARD);
            assertThat(results).hasSize(5);
            assertThat(results).filteredOn(StartResult::isSuccess)
                    .allSatisfy(s -> assertThat(s.id().getAsInt()).isEqualTo(Integer.parseInt(s.input().name().substring(1))));
            assertThat(results).filteredOn(s -> !s.isSuccess()).singleElement()
                    .satisfies(s -> assertThat(s.input().name()).isEqualTo("bad"))
                    .satisfies(s -> assertThat(s.error()).containsInstanceOf(BatchServiceException.class));
        }
        assertThat(maxInFlight.get()).isBetween(1, 2);
    }

    private static void awaitTimedCalls(SimpleMeterRegistry meters, long n) {
        long until = System.nanoTime() + GUARD.toNanos();
        while (meters.find("sobatch.client.requests").timers().stream().mapToLong(Timer::count).sum() < n) {
            assertThat(System.nanoTime()).as("%s calls timed in time", n).isLessThan(until);
            Thread.onSpinWait();
        }
    }

    private static void eventually(Runnable assertion) {
        long until = System.nanoTime() + GUARD.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
