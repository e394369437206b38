package dev.sobatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.simulator.TaskType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlockingStartAndWaitTest {

    @Test
    void startsTheJobAndReturnsItOnceItSucceeded() {
        try (BatchSimulator simulator = BatchSimulator.start(SimulatorConfig.builder()
                     .taskType("demo", TaskType.succeeding(Duration.ofMillis(1500))).build());
             Target target = Target.of(simulator);
             BatchClient client = BlockingStartAndWait.connect(target)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            BatchTaskInfo done = BlockingStartAndWait.run(client, "demo",
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(done.state()).isEqualTo(BatchTaskState.SUCCEEDED);
            assertThat(simulator.task(done.id()).orElseThrow().parameters().get("requestedBy"))
                    .isEqualTo("BlockingStartAndWait");
            assertThat(simulator.requestCount("StartBatchJob")).isEqualTo(1);
            assertThat(simulator.requestCount("GetBatchTaskInfo")).isGreaterThanOrEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("Started batch job " + done.id())
                    .contains("ended Succeeded");
        }
    }

    @Test
    void reportsAFailedJobWithItsResult() {
        try (BatchSimulator simulator = BatchSimulator.start(SimulatorConfig.builder()
                     .taskType("demo", TaskType.failing(Duration.ofMillis(300), "no printer")).build());
             Target target = Target.of(simulator);
             BatchClient client = BlockingStartAndWait.connect(target)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            BatchTaskInfo done = BlockingStartAndWait.run(client, "demo",
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(done.state()).isEqualTo(BatchTaskState.FAILED);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("ended Failed: no printer");
        }
    }
}
