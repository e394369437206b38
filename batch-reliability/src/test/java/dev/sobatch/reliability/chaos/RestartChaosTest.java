package dev.sobatch.reliability.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchException;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.PoolProbe;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.resources.ConnectionProvider;

/**
 * The simulator is stopped in the middle of a load run and restarted on the same port with a fresh store
 * (the last third of the calls is held until the restart, so that the second instance always serves some).
 * Every call must end with an id or a typed error within its deadline; every id the client reported must
 * be a task (with that call's marker) in the store of the instance that answered; and no call's task exists
 * twice across both stores, i.e. no StartBatchJob was applied twice.
 */
@Tag("load")
class RestartChaosTest {
    private static final int CALLS = 3000;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration SLACK = Duration.ofSeconds(3);

    record Outcome(int call, Integer id, Throwable error, Duration took) {
    }

    @Test
    void restartMidRunLosesNothingAndAppliesNothingTwice() throws Exception {
        BatchSimulator first = BatchSimulator.start(SimulatorConfig.builder().port(0).capacity(4 * CALLS).build());
        int port = first.port();
        AtomicReference<BatchSimulator> second = new AtomicReference<>();
        PoolProbe probe = new PoolProbe();
        ConnectionProvider provider = probe.provider("chaos", 32);
        AtomicInteger done = new AtomicInteger();
        try (ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(first.batchServiceUrl())
                .ticket(first.ticket()).deadline(DEADLINE).responseTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(1)).connectionProvider(provider).build()) {
            String ticket = first.ticket();
            // The last third of the calls waits for the restart: on a fast machine the rest of the run could
            // otherwise fail (connection refused) before the second instance is up, and prove nothing of it.
            Sinks.Empty<Void> restarted = Sinks.empty();
            Mono<List<Outcome>> run = Flux.range(0, CALLS)
                    .flatMap(i -> Mono.defer(() -> {
                        long t0 = System.nanoTime();
                        return client.startBatchJob(BatchTaskInfo.named("Chaos").parameter("call", String.valueOf(i))
                                .build())
                                .map(id -> new Outcome(i, id, null, Duration.ofNanos(System.nanoTime() - t0)))
                                .onErrorResume(e -> Mono.just(new Outcome(i, null, e,
                                        Duration.ofNanos(System.nanoTime() - t0))))
                                .doOnNext(o -> done.incrementAndGet());
                    }).delaySubscription(i < 2 * CALLS / 3 ? Mono.empty() : restarted.asMono()), 50)
                    .collectList();
            var pending = run.toFuture();

            awaitCount(done, CALLS / 3);
            first.stop();
            Map<String, Integer> firstStore = markers(first.tasks());
            Thread.sleep(700); // calls in this window meet a refused connection
            second.set(BatchSimulator.start(SimulatorConfig.builder().port(port).ticket(ticket)
                    .capacity(4 * CALLS).build()));
            restarted.tryEmitEmpty();
            List<Outcome> outcomes = pending.get(3, java.util.concurrent.TimeUnit.MINUTES);
            Map<String, Integer> secondStore = markers(second.get().tasks());

            assertThat(outcomes).hasSize(CALLS);
            int ok = 0;
            int failed = 0;
            for (Outcome o : outcomes) {
                assertThat(o.took()).as("call %d within its deadline", o.call()).isLessThanOrEqualTo(DEADLINE.plus(SLACK));
                if (o.id() != null) {
                    ok++;
                    String marker = String.valueOf(o.call());
                    boolean inFirst = o.id().equals(firstStore.get(marker));
                    boolean inSecond = o.id().equals(secondStore.get(marker));
                    assertThat(inFirst || inSecond).as("call %d's id %d exists on the instance that answered",
                            o.call(), o.id()).isTrue();
                } else {
                    failed++;
                    assertThat(o.error()).as("call %d failed with a typed error", o.call())
                            .isInstanceOf(BatchException.class);
                }
            }
            for (String marker : firstStore.keySet()) {
                assertThat(secondStore).as("call %s applied on both instances", marker).doesNotContainKey(marker);
            }
            assertThat(ok).as("calls that succeeded").isGreaterThan(CALLS / 3);
            assertThat(firstStore).isNotEmpty();
            assertThat(secondStore).isNotEmpty();
            probe.awaitIdle(Duration.ofSeconds(10));
            System.out.printf("chaos restart: %d ok, %d typed errors, first store %d, second store %d%n", ok, failed,
                    firstStore.size(), secondStore.size());
        } finally {
            first.close();
            if (second.get() != null) {
                second.get().close();
            }
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    /** Call marker → id; fails if one store holds the same call twice (a duplicated StartBatchJob). */
    private static Map<String, Integer> markers(List<BatchTaskInfo> tasks) {
        Map<String, Integer> byMarker = new HashMap<>();
        for (BatchTaskInfo t : tasks) {
            String marker = t.parameters().asMap().get("call");
            Integer previous = byMarker.put(marker, t.id());
            assertThat(previous).as("call %s stored twice", marker).isNull();
        }
        return byMarker;
    }

    private static void awaitCount(AtomicInteger counter, int target) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (counter.get() < target && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }
}
