package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;

class ClientLifecycleTest {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final BatchTaskInfo TASK = BatchTaskInfo.named("Export").build();
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClientBuilder builder() {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t");
    }

    private static Map<String, Function<ReactiveBatchClient, Publisher<?>>> everyOperation(AtomicBoolean inputsSubscribed) {
        List<Integer> ids = List.of(1, 2);
        BatchTaskState s = BatchTaskState.STARTED;
        return Map.ofEntries(
                Map.entry("startBatchJob", c -> c.startBatchJob(TASK)),
                Map.entry("getBatchTaskInfo", c -> c.getBatchTaskInfo(1)),
                Map.entry("stopBatchJob", c -> c.stopBatchJob(1)),
                Map.entry("updateBatchTask", c -> c.updateBatchTask(TASK)),
                Map.entry("deleteBatchTask", c -> c.deleteBatchTask(1)),
                Map.entry("deleteBatchTasks", c -> c.deleteBatchTasks(ids)),
                Map.entry("getBatchTaskInfosByState", c -> c.getBatchTaskInfosByState(s)),
                Map.entry("getBatchTaskInfosByAssociates", c -> c.getBatchTaskInfosByAssociates(ids)),
                Map.entry("getBatchTaskInfosByNameAndState", c -> c.getBatchTaskInfosByNameAndState("x", s)),
                Map.entry("getBatchTaskInfosByNameAndAssociates", c -> c.getBatchTaskInfosByNameAndAssociates("x", ids)),
                Map.entry("getBatchTaskInfosByAssociatesAndState", c -> c.getBatchTaskInfosByAssociatesAndState(ids, s)),
                Map.entry("getAllBatchTaskInfosByName", c -> c.getAllBatchTaskInfosByName("x")),
                Map.entry("getAllBatchTaskInfosByNameAndState", c -> c.getAllBatchTaskInfosByNameAndState("x", s)),
                Map.entry("getSystemBatchTaskInfosByName", c -> c.getSystemBatchTaskInfosByName("x")),
                Map.entry("getSystemBatchTaskInfosByNameAndState", c -> c.getSystemBatchTaskInfosByNameAndState("x", s)),
                Map.entry("watch", c -> c.watch(1, Duration.ofMillis(10))),
                Map.entry("startAndAwait", c -> c.startAndAwait(TASK, Duration.ofMillis(10))),
                Map.entry("startBatchJobs", c -> c.startBatchJobs(
                        Flux.just(TASK).doOnSubscribe(x -> inputsSubscribed.set(true)), 2)));
    }

    private static void assertFailsAsClosed(String name, Publisher<?> call) {
        Throwable e = catchThrowable(() -> Flux.from(call).blockLast(GUARD));
        assertThat(e).as(name).isExactlyInstanceOf(IllegalStateException.class).hasMessage("client is closed");
    }

    @Test
    void everyOperationOfAClosedClientFailsWithoutSendingAnything() {
        server.otherwise(Answer.ok(IntResponse.of(1)));
        ReactiveBatchClient c = builder().build();
        assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(1);
        c.close();
        AtomicBoolean inputsSubscribed = new AtomicBoolean();
        everyOperation(inputsSubscribed).forEach((name, op) -> assertFailsAsClosed(name, op.apply(c)));
        assertThat(inputsSubscribed).as("startBatchJobs subscribed to its inputs").isFalse();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aCallAssembledBeforeCloseAndSubscribedAfterFailsToo() {
        server.otherwise(Answer.ok(IntResponse.of(1)));
        ReactiveBatchClient c = builder().build();
        var call = c.startBatchJob(TASK);
        c.close();
        assertFailsAsClosed("startBatchJob", call);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void closeIsIdempotent() {
        ReactiveBatchClient c = builder().build();
        c.close();
        c.close();
        assertFailsAsClosed("getBatchTaskInfo", c.getBatchTaskInfo(1));
    }

    @Test
    void aClosedClientRefusesCallsButLeavesAPoolItWasGivenOpen() {
        server.otherwise(Answer.ok(IntResponse.of(5)));
        ConnectionProvider pool = ConnectionProvider.create("user-pool", 4);
        try {
            ReactiveBatchClient c = builder().connectionProvider(pool).build();
            assertThat(c.startBatchJob(TASK).block(GUARD)).isEqualTo(5);
            c.close();
            assertFailsAsClosed("startBatchJob", c.startBatchJob(TASK));
            assertThat(server.requestCount()).isEqualTo(1);
            try (ReactiveBatchClient other = builder().connectionProvider(pool).build()) {
                assertThat(other.startBatchJob(TASK).block(GUARD)).isEqualTo(5);
            }
        } finally {
            pool.disposeLater().block(GUARD);
        }
    }

    @Test
    void aCallInFlightWhenTheClientClosesStillGetsItsAnswer() {
        server.then(Answer.delayed(Duration.ofMillis(300), Answer.ok(BatchTaskInfoResponse.of(TASK))));
        ReactiveBatchClient c = builder().build();
        var pending = c.getBatchTaskInfo(1).toFuture();
        awaitRequests(1);
        c.close();
        assertThat(pending).succeedsWithin(GUARD).isEqualTo(TASK);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aCallInFlightWhenTheClientClosesIsNotRetriedAfterwards() {
        server.then(Answer.delayed(Duration.ofMillis(300), Answer.status(503)));
        ReactiveBatchClient c = builder().retryPolicy(RetryPolicy.defaults()).build();
        var pending = c.getBatchTaskInfo(1).toFuture();
        awaitRequests(1);
        c.close();
        Throwable e = catchThrowable(() -> pending.get(GUARD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        assertThat(e.getCause()).isExactlyInstanceOf(IllegalStateException.class).hasMessage("client is closed")
                .cause().isInstanceOfSatisfying(BatchTransportException.class,
                        t -> assertThat(t.httpStatus()).hasValue(503));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    private void awaitRequests(int n) {
        long until = System.nanoTime() + GUARD.toNanos();
        while (server.requestCount() < n) {
            assertThat(System.nanoTime()).as("server got %s requests in time", n).isLessThan(until);
            Thread.onSpinWait();
        }
    }
}
