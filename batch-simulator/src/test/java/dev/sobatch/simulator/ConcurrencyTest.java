package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ConcurrencyTest {
    @Test
    void aThousandParallelStartBatchJobCallsYieldAThousandDistinctIds() {
        try (BatchSimulator sim = BatchSimulator.start();
                ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl())
                        .ticket(sim.ticket()).retryPolicy(RetryPolicy.none()).maxConnections(200).build()) {
            List<Integer> ids = Flux.range(0, 1000)
                    .flatMap(i -> client.startBatchJob(BatchTaskInfo.named("Export").parameter("n", "" + i).build()),
                            200)
                    .collectList().block(Duration.ofSeconds(60));

            assertThat(ids).hasSize(1000);
            assertThat(new HashSet<>(ids)).hasSize(1000);
            assertThat(sim.tasks()).hasSize(1000);
            assertThat(sim.requestCount("StartBatchJob")).isEqualTo(1000);
            assertThat(sim.tasks()).extracting(t -> t.parameters().asMap().get("n")).doesNotHaveDuplicates();
        }
    }
}
