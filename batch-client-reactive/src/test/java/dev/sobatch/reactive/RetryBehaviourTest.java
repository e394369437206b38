package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryBudget;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapFault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class RetryBehaviourTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final BatchTaskInfo TASK = BatchTaskInfo.named("Export").build();
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClientBuilder builder(RetryPolicy policy) {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").retryPolicy(policy)
                .responseTimeout(Duration.ofMillis(300));
    }

    private static RetryPolicy fast(boolean unsafe) {
        return RetryPolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(5)).retryUnsafe(unsafe).build();
    }

    enum Op {
        GET(c -> c.getBatchTaskInfo(1), Answer.ok(BatchTaskInfoResponse.of(null))),
        START(c -> c.startBatchJob(TASK), Answer.ok(IntResponse.of(3)));

        final Function<ReactiveBatchClient, Mono<?>> call;
        final Answer success;

        Op(Function<ReactiveBatchClient, Mono<?>> call, Answer success) {
            this.call = call;
            this.success = success;
        }
    }

    static Stream<Arguments> matrix() {
        Supplier<Answer> s503 = () -> Answer.status(503, "Retry-After", "0");
        Supplier<Answer> s429 = () -> Answer.status(429);
        Supplier<Answer> s502 = () -> Answer.html(502, "Bad Gateway");
        Supplier<Answer> s504 = () -> Answer.html(504, "Gateway Timeout");
        Supplier<Answer> s500 = () -> Answer.html(500, "Server Error");
        Supplier<Answer> close = Answer::closeConnection;
        Supplier<Answer> truncated = () -> Answer.truncated(BatchTaskInfoResponse.of(TASK));
        Supplier<Answer> hang = Answer::hang;
        Supplier<Answer> fault = () -> Answer.fault(500, SoapFault.server("boom", null));
        Supplier<Answer> exInfo = () -> Answer.withHeaders(ResponseHeaders.failure(SoExceptionInfo.builder().message("no").build()),
                IntResponse.of(0));
        Supplier<Answer> s400 = () -> Answer.html(400, "Bad Request");
        return Stream.of(
                // failure, op, retryUnsafe, expected requests, expected exception
                Arguments.of("503", s503, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("503", s503, Op.START, false, 3, BatchTransportException.class),
                Arguments.of("429", s429, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("429", s429, Op.START, false, 3, BatchTransportException.class),
                Arguments.of("502", s502, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("502", s502, Op.START, false, 1, BatchTransportException.class),
                Arguments.of("502", s502, Op.START, true, 3, BatchTransportException.class),
                Arguments.of("504", s504, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("504", s504, Op.START, false, 1, BatchTransportException.class),
                Arguments.of("500 html", s500, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("500 html", s500, Op.START, false, 1, BatchTransportException.class),
                Arguments.of("500 html", s500, Op.START, true, 3, BatchTransportException.class),
                Arguments.of("closed after read", close, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("closed after read", close, Op.START, false, 1, BatchTransportException.class),
                Arguments.of("closed after read", close, Op.START, true, 3, BatchTransportException.class),
                Arguments.of("truncated body", truncated, Op.GET, false, 3, BatchTransportException.class),
                Arguments.of("response timeout", hang, Op.GET, false, 3, BatchTimeoutException.class),
                Arguments.of("response timeout", hang, Op.START, false, 1, BatchTimeoutException.class),
                Arguments.of("response timeout", hang, Op.START, true, 3, BatchTimeoutException.class),
                Arguments.of("soap fault", fault, Op.GET, false, 1, BatchServiceException.class),
                Arguments.of("soap fault", fault, Op.START, true, 1, BatchServiceException.class),
                Arguments.of("exception info", exInfo, Op.START, true, 1, BatchServiceException.class),
                Arguments.of("400", s400, Op.GET, false, 1, BatchTransportException.class));
    }

    @ParameterizedTest(name = "{0} on {2} (retryUnsafe={3}) -> {4} requests")
    @MethodSource("matrix")
    void failuresAreRetriedByClassAndOperation(String name, Supplier<Answer> failure, Op op, boolean unsafe,
            int expectedRequests, Class<? extends BatchException> expected) {
        server.otherwise(failure.get());
        try (ReactiveBatchClient c = builder(fast(unsafe)).build()) {
            Throwable e = catchThrowable(() -> op.call.apply(c).block(GUARD));
            assertThat(e).isInstanceOf(expected);
        }
        assertThat(server.requestCount()).isEqualTo(expectedRequests);
    }

    @Test
    void aRetriedCallSucceedsWhenTheServerRecovers() {
        server.then(Answer.status(503), Answer.html(502, "x"), Answer.ok(BatchTaskInfoResponse.of(TASK)));
        try (ReactiveBatchClient c = builder(fast(false)).build()) {
            assertThat(c.getBatchTaskInfo(1).block(GUARD)).isEqualTo(TASK);
        }
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void startBatchJobIsNotResentAfterAnUnknownOutcomeUnderTheDefaultPolicy() {
        server.otherwise(Answer.closeConnection());
        try (ReactiveBatchClient c = builder(RetryPolicy.defaults()).build()) {
            BatchTransportException e = (BatchTransportException) catchThrowable(() -> c.startBatchJob(TASK).block(GUARD));
            assertThat(e.requestSent()).isTrue();
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterIsHonoured() {
        server.then(Answer.status(503, "Retry-After", "1"), Answer.ok(IntResponse.of(9)));
        long start = System.nanoTime();
        try (ReactiveBatchClient c = builder(fast(false)).build()) {
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(9);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDeadlineEndsAnAttemptThatTakesLonger() {
        server.otherwise(Answer.hang());
        long start = System.nanoTime();
        try (ReactiveBatchClient c = builder(RetryPolicy.builder().maxAttempts(10).build())
                .responseTimeout(Duration.ofSeconds(10)).deadline(Duration.ofMillis(400)).build()) {
            Throwable e = catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD));
            assertThat(e).isInstanceOf(BatchTimeoutException.class).hasMessageContaining("deadline");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theBudgetRefusesRetriesOnceSpent() {
        server.otherwise(Answer.status(503));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetryPolicy policy = fast(false).toBuilder().maxAttempts(5).budget(RetryBudget.of(2, 0)).build();
        try (ReactiveBatchClient c = builder(policy).meterRegistry(meters).build()) {
            assertThat(catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD))).isInstanceOf(BatchTransportException.class);
            assertThat(server.requestCount()).isEqualTo(3); // 2 tokens: 2 retries
            assertThat(catchThrowable(() -> c.getBatchTaskInfo(1).block(GUARD))).isInstanceOf(BatchTransportException.class);
            assertThat(server.requestCount()).isEqualTo(4); // no token left: no retry
        }
        assertThat(meters.counter("sobatch.client.retries.refused", "operation", "GetBatchTaskInfo").count()).isEqualTo(2.0);
    }

    @Test
    void aConnectionRefusedIsRetriedEvenForStartBatchJob() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint("http://127.0.0.1:" + port + "/").ticket("t")
                .retryPolicy(fast(false)).meterRegistry(meters).build()) {
            BatchTransportException e = (BatchTransportException) catchThrowable(() -> c.startBatchJob(TASK).block(GUARD));
            assertThat(e.requestSent()).isFalse();
        }
        assertThat(meters.counter("sobatch.client.attempts", "operation", "StartBatchJob", "reason", "not_sent").count())
                .isEqualTo(2.0);
    }

    @Test
    void aPoolAcquireTimeoutIsNotSentAndRetriedForStartBatchJob() {
        server.then(Answer.delayed(Duration.ofMillis(800), Answer.ok(BatchTaskInfoResponse.of(TASK))), Answer.ok(IntResponse.of(4)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(20).backoff(Duration.ofMillis(100), Duration.ofMillis(100)).build();
        try (ReactiveBatchClient c = builder(policy).responseTimeout(Duration.ofSeconds(5)).maxConnections(1)
                .pendingAcquireTimeout(Duration.ofMillis(100)).meterRegistry(meters).build()) {
            Mono<?> hog = c.getBatchTaskInfo(1);
            Disposable d = hog.subscribe();
            awaitRequests(1);
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(4);
            d.dispose();
        }
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(meters.counter("sobatch.client.attempts", "operation", "StartBatchJob", "reason", "not_sent").count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void cancellingACallReleasesItsConnection() {
        server.then(Answer.hang(), Answer.ok(IntResponse.of(8)));
        try (ReactiveBatchClient c = builder(RetryPolicy.none()).responseTimeout(Duration.ofSeconds(30)).maxConnections(1)
                .pendingAcquireTimeout(Duration.ofSeconds(5)).build()) {
            Disposable d = c.getBatchTaskInfo(1).subscribe();
            awaitRequests(1);
            d.dispose();
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(8);
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aResponseTooLateIsATimeoutAndNeverTheAnswerOfTheNextCallOnTheSameConnection() throws InterruptedException {
        server.then(Answer.delayed(Duration.ofMillis(700), Answer.ok(IntResponse.of(1))), Answer.ok(IntResponse.of(2)));
        try (ReactiveBatchClient c = builder(RetryPolicy.none()).responseTimeout(Duration.ofMillis(200))
                .maxConnections(1).build()) {
            assertThat(catchThrowable(() -> c.startBatchJob(TASK).block(GUARD)))
                    .isInstanceOf(BatchTimeoutException.class).hasMessageContaining("response timeout of 200 ms");
            Thread.sleep(700); // the late answer is written now, to a connection that must be gone
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(2);
        }
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aPooledConnectionClosedByTheServerBetweenCallsIsReplacedWithoutError() throws InterruptedException {
        server.otherwise(Answer.ok(IntResponse.of(1)));
        try (ReactiveBatchClient c = builder(RetryPolicy.none()).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(1);
                server.last().closeConnection(); // as IIS does with an idle keep-alive connection
                Thread.sleep(100);
            }
        }
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.connections()).isEqualTo(3);
    }

    @Test
    void keepAliveReusesOneConnection() {
        server.otherwise(Answer.ok(IntResponse.of(1)));
        try (ReactiveBatchClient c = builder(RetryPolicy.none()).build()) {
            for (int i = 0; i < 6; i++) {
                c.startBatchJob(TASK).block(GUARD);
            }
        }
        // A connection goes back to the pool just after its response completes, so the second call may open
        // a second one; after that, calls reuse them.
        assertThat(server.connections()).isLessThanOrEqualTo(2);
    }

    private void awaitRequests(int n) {
        long until = System.nanoTime() + GUARD.toNanos();
        while (server.requestCount() < n) {
            assertThat(System.nanoTime()).as("server got %s requests in time", n).isLessThan(until);
            Thread.onSpinWait();
        }
    }
}
