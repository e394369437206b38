package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ConnectionPoolTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final BatchTaskInfo TASK = BatchTaskInfo.named("Export").build();
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClientBuilder builder() {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").retryPolicy(RetryPolicy.none());
    }

    /** Starts {@code n} calls at once and collects each one's id or error. */
    private static List<Object> concurrently(ReactiveBatchClient c, int n) {
        return Flux.range(0, n)
                .flatMap(i -> c.startBatchJob(TASK).<Object>map(id -> id).onErrorResume(e -> Mono.just(e)), n)
                .collectList().block(GUARD);
    }

    @Test
    void manyMoreConcurrentCallsThanConnectionsAllWaitForAConnectionAndSucceed() {
        server.otherwise(Answer.delayed(Duration.ofMillis(20), Answer.ok(IntResponse.of(7))));
        try (ReactiveBatchClient c = builder().maxConnections(2).build()) {
            assertThat(concurrently(c, 50)).hasSize(50).containsOnly(7);
        }
        assertThat(server.requestCount()).isEqualTo(50);
        assertThat(server.connections()).isLessThanOrEqualTo(2);
    }

    @Test
    void aBoundedWaitingQueueRefusesTheCallsBeyondItAsNotSent() {
        server.otherwise(Answer.delayed(Duration.ofMillis(200), Answer.ok(IntResponse.of(7))));
        try (ReactiveBatchClient c = builder().maxConnections(1).pendingAcquireMaxCount(1).build()) {
            List<Object> results = concurrently(c, 4);
            assertThat(results).filteredOn(r -> r.equals(7)).hasSizeBetween(1, 2);
            assertThat(results).filteredOn(r -> !r.equals(7)).isNotEmpty().allSatisfy(r -> assertThat(r)
                    .isInstanceOfSatisfying(BatchTransportException.class, e -> assertThat(e.requestSent()).isFalse()));
        }
        assertThat(server.requestCount()).isBetween(1, 2);
    }

    @Test
    void byDefaultAConnectionIsReusedAfterAShortPause() throws InterruptedException {
        server.otherwise(Answer.ok(IntResponse.of(7)));
        try (ReactiveBatchClient c = builder().build()) {
            c.startBatchJob(TASK).block(GUARD);
            Thread.sleep(400);
            c.startBatchJob(TASK).block(GUARD);
        }
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aConnectionIdleForLongerThanMaxIdleTimeIsNotReused() throws InterruptedException {
        server.otherwise(Answer.ok(IntResponse.of(7)));
        try (ReactiveBatchClient c = builder().maxIdleTime(Duration.ofMillis(150)).build()) {
            c.startBatchJob(TASK).block(GUARD);
            Thread.sleep(400);
            c.startBatchJob(TASK).block(GUARD);
        }
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionIsClosedInTheBackgroundWithoutFurtherCalls() {
        server.otherwise(Answer.ok(IntResponse.of(7)));
        try (ReactiveBatchClient c = builder().maxIdleTime(Duration.ofMillis(200)).build()) {
            c.startBatchJob(TASK).block(GUARD);
            long until = System.nanoTime() + GUARD.toNanos();
            while (server.closedConnections() == 0) {
                assertThat(System.nanoTime()).as("the idle connection was closed in time").isLessThan(until);
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aConnectionOlderThanMaxLifeTimeIsReplacedThoughNeverIdleForLong() throws InterruptedException {
        server.otherwise(Answer.ok(IntResponse.of(7)));
        try (ReactiveBatchClient c = builder().maxLifeTime(Duration.ofMillis(300)).build()) {
            for (int i = 0; i < 8; i++) {
                c.startBatchJob(TASK).block(GUARD);
                Thread.sleep(80);
            }
        }
        assertThat(server.connections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void poolTimesArePositive() {
        assertThatThrownBy(() -> ReactiveBatchClient.builder().maxIdleTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIdleTime");
        assertThatThrownBy(() -> ReactiveBatchClient.builder().maxLifeTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLifeTime");
    }

    @Test
    void theWaitingQueueLimitIsPositiveOrUnbounded() {
        assertThatThrownBy(() -> ReactiveBatchClient.builder().pendingAcquireMaxCount(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        ReactiveBatchClient.builder().pendingAcquireMaxCount(-1).pendingAcquireMaxCount(1);
    }
}
