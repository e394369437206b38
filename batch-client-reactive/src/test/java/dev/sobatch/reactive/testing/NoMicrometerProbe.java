package dev.sobatch.reactive.testing;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.time.Duration;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * Run by {@code WithoutMicrometerTest} inside a class loader that has no Micrometer: uses the client the way
 * an application without Micrometer would, then stops that loader's copies of Netty and Reactor. Must not
 * name any Micrometer type.
 */
public final class NoMicrometerProbe {
    private NoMicrometerProbe() {
    }

    /** Starts one job at this endpoint and returns its id. */
    public static int startBatchJob(String endpoint) {
        try (ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(endpoint).ticket("t").build()) {
            return client.startBatchJob(BatchTaskInfo.named("Export").build()).block(Duration.ofSeconds(10));
        } finally {
            HttpResources.disposeLoopsAndConnectionsLater().block(Duration.ofSeconds(10));
            Schedulers.shutdownNow();
        }
    }
}
