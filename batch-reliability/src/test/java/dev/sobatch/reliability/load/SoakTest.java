package dev.sobatch.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.Latencies;
import dev.sobatch.reliability.support.PoolProbe;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;

/**
 * -Pstress only: 1,000,000 StartBatchJob calls through one reactive client against a simulator whose store
 * keeps only the newest 10,000 tasks and records no requests. The heap after a full GC at the end must be
 * close to the heap after GC at the start (no per-call retention in the client).
 */
@Tag("stress")
class SoakTest {
    private static final int CALLS = Integer.getInteger("reliability.soak.calls", 1_000_000);

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES) // a million calls take 6-15 minutes on 2 cores
    void millionCallsKeepTheHeapSteady() throws Exception {
        PoolProbe probe = new PoolProbe();
        ConnectionProvider provider = probe.provider("soak", 64);
        try (BatchSimulator sim = BatchSimulator.start(SimulatorConfig.builder().port(0).capacity(10_000)
                .maxRecordedRequests(0).build());
                ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl())
                        .ticket(sim.ticket()).connectionProvider(provider).build()) {
            // warm up, then measure the baseline
            Flux.range(0, 20_000).flatMap(i -> client.startBatchJob(BatchTaskInfo.named("Soak").build()), 256)
                    .blockLast(Duration.ofMinutes(5));
            long before = heapAfterGc();
            Latencies latencies = new Latencies(CALLS);
            long start = System.nanoTime();
            Long count = Flux.range(0, CALLS)
                    .flatMap(i -> {
                        long t0 = System.nanoTime();
                        return client.startBatchJob(BatchTaskInfo.named("Soak").build())
                                .doOnNext(id -> latencies.record(System.nanoTime() - t0));
                    }, 256)
                    .count().block(Duration.ofHours(1));
            long wall = System.nanoTime() - start;
            long after = heapAfterGc();
            String heap = String.format("heap after GC: start %.1f MiB, end %.1f MiB", before / 1048576.0,
                    after / 1048576.0);
            latencies.report("soak " + CALLS + " startBatchJob (concurrency 256)", wall, heap);
            assertThat(count).isEqualTo((long) CALLS);
            assertThat(after).as(heap).isLessThan(before + before / 2 + 32L * 1024 * 1024);
            probe.awaitIdle(Duration.ofSeconds(10));
        } finally {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
