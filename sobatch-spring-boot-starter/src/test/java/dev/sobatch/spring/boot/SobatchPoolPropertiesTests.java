package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code sobatch.pool.*} properties reach the client's own pool: observed as the TCP connections a
 * loopback service sees. The client owns that pool and closes it with the context.
 */
class SobatchPoolPropertiesTests {

    /** Only detects a hang. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    private final LoopbackBatchService service = new LoopbackBatchService();

    @AfterEach
    void stopService() {
        service.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SobatchAutoConfiguration.class))
                .withPropertyValues("sobatch.endpoint=" + service.baseUrl(), "sobatch.ticket=7T:pool-test-ticket");
    }

    /** Runs {@code body} while one call holds the pool's only connection, its request already at the service. */
    private void whileTheOnlyConnectionIsBusy(ApplicationContext context, Runnable body) {
        Disposable hog = context.getBean(ReactiveBatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL)
                .subscribe();
        try {
            Eventually.assertThat(() -> assertThat(service.requests()).isEqualTo(1));
            body.run();
        } finally {
            hog.dispose();
        }
    }

    private static void call(BatchClient client) {
        assertThat(client.getBatchTaskInfosByState(BatchTaskState.ALL)).isEmpty();
    }

    @Test
    void byDefaultAConnectionIsReusedAfterAShortPause() {
        runner().run(context -> {
            BatchClient client = context.getBean(BatchClient.class);
            call(client);
            Thread.sleep(400);
            call(client);
            assertThat(service.acceptedConnections()).isEqualTo(1);
        });
    }

    @Test
    void anIdleConnectionIsReplacedAfterMaxIdleTime() {
        runner().withPropertyValues("sobatch.pool.max-idle-time=150ms").run(context -> {
            BatchClient client = context.getBean(BatchClient.class);
            call(client);
            Thread.sleep(400);
            call(client);
            assertThat(service.acceptedConnections()).isEqualTo(2);
        });
    }

    @Test
    void aConnectionOlderThanMaxLifeTimeIsReplacedThoughNeverIdleForLong() {
        runner().withPropertyValues("sobatch.pool.max-life-time=300ms").run(context -> {
            BatchClient client = context.getBean(BatchClient.class);
            for (int i = 0; i < 8; i++) {
                call(client);
                Thread.sleep(80);
            }
            assertThat(service.acceptedConnections()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void maxConnectionsBoundsTheConnectionsOfConcurrentCalls() {
        service.delayAnswers(Duration.ofMillis(200));
        runner().withPropertyValues("sobatch.pool.max-connections=2").run(context -> {
            ReactiveBatchClient client = context.getBean(ReactiveBatchClient.class);
            Long answered = Flux.range(0, 6)
                    .flatMap(i -> client.getBatchTaskInfosByState(BatchTaskState.ALL).collectList())
                    .count().block(GUARD);
            assertThat(answered).isEqualTo(6);
            assertThat(service.requests()).isEqualTo(6);
            assertThat(service.acceptedConnections()).isBetween(1, 2);
        });
    }

    @Test
    void aCallWaitingLongerThanAcquireTimeoutForTheOnlyConnectionFailsUnsent() {
        service.delayAnswers(Duration.ofSeconds(2));
        runner().withPropertyValues("sobatch.pool.max-connections=1", "sobatch.pool.acquire-timeout=100ms",
                "sobatch.retry.max-attempts=1").run(context -> whileTheOnlyConnectionIsBusy(context, () -> {
                    Throwable thrown = catchThrowable(() -> context.getBean(BatchClient.class)
                            .getBatchTaskInfosByState(BatchTaskState.ALL));

                    assertThat(thrown).isInstanceOf(BatchTransportException.class);
                    assertThat(service.requests()).as("the waiting call was never sent").isEqualTo(1);
                }));
    }

    @Test
    void aCallBeyondMaxPendingAcquiresFailsAtOnceUnsentWhileTheWaitingOneIsServed() {
        service.delayAnswers(Duration.ofMillis(500));
        runner().withPropertyValues("sobatch.pool.max-connections=1", "sobatch.pool.max-pending-acquires=1",
                "sobatch.retry.max-attempts=1").run(context -> whileTheOnlyConnectionIsBusy(context, () -> {
                    Mono<List<BatchTaskInfo>> waiting = context.getBean(ReactiveBatchClient.class)
                            .getBatchTaskInfosByState(BatchTaskState.ALL).collectList().cache();
                    waiting.subscribe(list -> { }, error -> { }); // takes the only pending place

                    Throwable thrown = catchThrowable(() -> context.getBean(BatchClient.class)
                            .getBatchTaskInfosByState(BatchTaskState.ALL));

                    assertThat(thrown).isInstanceOf(BatchTransportException.class);
                    assertThat(waiting.block(GUARD)).isEmpty();
                    assertThat(service.requests()).as("the refused call was never sent").isEqualTo(2);
                }));
    }

    @Test
    void theClientClosesItsConnectionsWhenTheContextCloses() {
        runner().run(context -> {
            call(context.getBean(BatchClient.class));
            assertThat(service.closedConnections()).isZero();
        });
        Eventually.assertThat(() -> assertThat(service.closedConnections()).isEqualTo(1));
    }
}
