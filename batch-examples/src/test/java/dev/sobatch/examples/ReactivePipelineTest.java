package dev.sobatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.simulator.TaskType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactivePipelineTest {

    @Test
    void startsEveryJobFollowsItsProgressAndEmitsEachFinalState() {
        try (BatchSimulator simulator = BatchSimulator.start(SimulatorConfig.builder()
                     .taskType("report", TaskType.succeeding(Duration.ofMillis(800)).withProgressSteps(4)).build());
             Target target = Target.of(simulator);
             ReactiveBatchClient client = ReactivePipeline.connect(target)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            List<BatchTaskInfo> finished = ReactivePipeline
                    .run(client, 5, Duration.ofMillis(100), new PrintStream(out, true, StandardCharsets.UTF_8))
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(finished).hasSize(5).allSatisfy(t -> assertThat(t.state()).isEqualTo(BatchTaskState.SUCCEEDED));
            assertThat(finished).extracting(t -> t.parameters().get("part"))
                    .containsExactlyInAnyOrder("1", "2", "3", "4", "5");
            assertThat(simulator.requestCount("StartBatchJob")).isEqualTo(5);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Succeeded 100%");
        }
    }

    @Test
    void aJobThatCannotBeStartedIsReportedAndTheOthersGoOn() {
        try (BatchSimulator simulator = BatchSimulator.start(SimulatorConfig.builder()
                     .taskType("report", TaskType.succeeding(Duration.ofMillis(300))).build());
             Target target = Target.of(simulator);
             ReactiveBatchClient client = ReactivePipeline.connect(target)) {
            simulator.faults().on("StartBatchJob").once().exceptionInfo("SoException", "quota exceeded");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            List<BatchTaskInfo> finished = ReactivePipeline
                    .run(client, 3, Duration.ofMillis(100), new PrintStream(out, true, StandardCharsets.UTF_8))
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(finished).hasSize(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("could not start part").contains("quota exceeded");
        }
    }
}
