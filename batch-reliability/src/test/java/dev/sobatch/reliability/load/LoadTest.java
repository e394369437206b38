package dev.sobatch.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.Latencies;
import dev.sobatch.reliability.support.PoolProbe;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;

/**
 * 10,000 StartBatchJob calls against the simulator, all in flight at once through one reactive client, and
 * again through the blocking client from 200 threads: every call succeeds with its own id, the server saw
 * exactly as many as the client made, and the pool never exceeds its bound. Throughput and latency are
 * printed and appended to target/reliability-results.txt (not asserted).
 */
@Tag("load")
class LoadTest {
    static final int CALLS = 10_000;
    static final int MAX_CONNECTIONS = 64;

    static BatchSimulator simulator() {
        return BatchSimulator.start(SimulatorConfig.builder().port(0).capacity(4 * CALLS)
                .maxRecordedRequests(4 * CALLS).build());
    }

    static ReactiveBatchClient client(BatchSimulator sim, ConnectionProvider provider) {
        return ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl()).ticket(sim.ticket())
                .deadline(Duration.ofSeconds(120)).pendingAcquireTimeout(Duration.ofSeconds(120))
                .connectionProvider(provider).build();
    }

    /** Samples the pool's allocated connections in the background; returns the largest seen. */
    static final class PoolWatcher implements AutoCloseable {
        final AtomicInteger max = new AtomicInteger();
        private final reactor.core.Disposable sampling;

        PoolWatcher(PoolProbe probe) {
            sampling = Flux.interval(Duration.ofMillis(5), Schedulers.single())
                    .subscribe(t -> max.accumulateAndGet(probe.allocated() , Math::max));
        }

        @Override
        public void close() {
            sampling.dispose();
        }
    }

    @Test
    void tenThousandConcurrentReactiveStartsAllSucceedWithDistinctIds() {
        PoolProbe probe = new PoolProbe();
        ConnectionProvider provider = probe.provider("load-reactive", MAX_CONNECTIONS);
        try (BatchSimulator sim = simulator(); ReactiveBatchClient client = client(sim, provider);
                PoolWatcher pool = new PoolWatcher(probe)) {
            Latencies latencies = new Latencies(CALLS);
            Set<Integer> ids = ConcurrentHashMap.newKeySet();
            long start = System.nanoTime();
            List<Integer> results = Flux.range(0, CALLS)
                    .flatMap(i -> Mono.defer(() -> {
                        long t0 = System.nanoTime();
                        return client.startBatchJob(BatchTaskInfo.named("Load").parameter("i", String.valueOf(i))
                                .build()).doOnNext(id -> latencies.record(System.nanoTime() - t0));
                    }), CALLS)
                    .collectList().block(Duration.ofMinutes(3));
            long wall = System.nanoTime() - start;
            ids.addAll(results);

            assertThat(results).hasSize(CALLS);
            assertThat(ids).as("distinct ids").hasSize(CALLS);
            assertThat(sim.requestCount("StartBatchJob")).as("server count").isEqualTo(CALLS);
            assertThat(sim.tasks()).hasSize(CALLS);
            assertThat(pool.max.get()).as("connections allocated at most").isLessThanOrEqualTo(MAX_CONNECTIONS);
            probe.awaitIdle(Duration.ofSeconds(10));
            latencies.report("reactive 10k concurrent startBatchJob", wall,
                    "max connections " + pool.max.get() + "/" + MAX_CONNECTIONS);
        } finally {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void tenThousandBlockingStartsFromTwoHundredThreadsAllSucceed() throws Exception {
        PoolProbe probe = new PoolProbe();
        ConnectionProvider provider = probe.provider("load-blocking", MAX_CONNECTIONS);
        ExecutorService threads = Executors.newFixedThreadPool(200);
        try (BatchSimulator sim = simulator(); ReactiveBatchClient reactive = client(sim, provider);
                BatchClient client = BatchClient.of(reactive); PoolWatcher pool = new PoolWatcher(probe)) {
            Latencies latencies = new Latencies(CALLS);
            long start = System.nanoTime();
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                futures.add(threads.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < CALLS / 200; i++) {
                        long t0 = System.nanoTime();
                        mine.add(client.startBatchJob(BatchTaskInfo.named("Load").build()));
                        latencies.record(System.nanoTime() - t0);
                    }
                    return mine;
                }));
            }
            Set<Integer> ids = new HashSet<>();
            int total = 0;
            for (Future<List<Integer>> f : futures) {
                List<Integer> mine = f.get(3, TimeUnit.MINUTES);
                total += mine.size();
                ids.addAll(mine);
            }
            long wall = System.nanoTime() - start;

            assertThat(total).isEqualTo(CALLS);
            assertThat(ids).as("distinct ids").hasSize(CALLS);
            assertThat(sim.requestCount("StartBatchJob")).as("server count").isEqualTo(CALLS);
            assertThat(pool.max.get()).as("connections allocated at most").isLessThanOrEqualTo(MAX_CONNECTIONS);
            probe.awaitIdle(Duration.ofSeconds(10));
            latencies.report("blocking 10k startBatchJob from 200 threads", wall,
                    "max connections " + pool.max.get() + "/" + MAX_CONNECTIONS);
        } finally {
            threads.shutdownNow();
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
