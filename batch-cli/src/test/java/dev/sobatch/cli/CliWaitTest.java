package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskState;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.simulator.TaskType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code start --wait}: the final state decides the exit code; progress goes to stderr only. */
class CliWaitTest {

    private SimulatorFixture fixture;

    @BeforeEach
    void startSimulator() {
        fixture = SimulatorFixture.start(SimulatorConfig.builder()
                .taskType("quick", TaskType.succeeding(Duration.ofMillis(600)).withProgressSteps(3))
                .taskType("doomed", TaskType.failing(Duration.ofMillis(400), "disk full"))
                .taskType("endless", TaskType.longRunning()));
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    @Test
    void waitEndingSucceededExitsZeroAndPrintsIdThenState() {
        CliResult result = fixture.run("start", "--name", "quick", "--wait", "--poll", "100ms");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).hasSize(2);
        int id = Integer.parseInt(result.outLines().get(0));
        assertThat(result.lastOutLine()).isEqualTo("Succeeded");
        assertThat(fixture.simulator.task(id).orElseThrow().state()).isEqualTo(BatchTaskState.SUCCEEDED);
        assertThat(result.err()).contains("job " + id + ": ").contains("Succeeded 100%");
        assertThat(fixture.simulator.requestCount("GetBatchTaskInfo")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void waitEndingFailedExitsFiveAndReportsTheResult() {
        CliResult result = fixture.run("start", "--name", "doomed", "--wait", "--poll", "100ms");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(result.lastOutLine()).isEqualTo("Failed");
        assertThat(result.err()).contains("ended Failed").contains("disk full");
    }

    @Test
    void waitWithJsonPrintsIdObjectThenFinalTask() throws Exception {
        CliResult result = fixture.run("--json", "start", "--name", "quick", "--wait", "--poll", "100ms");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int id = json.readTree(result.outLines().get(0)).get("id").asInt();
        var last = json.readTree(result.lastOutLine());
        assertThat(last.get("id").asInt()).isEqualTo(id);
        assertThat(last.get("state").asText()).isEqualTo("Succeeded");
        assertThat(last.get("progressPercent").asInt()).isEqualTo(100);
    }

    @Test
    void waitTimeoutExitsFourAndLeavesTheJobRunning() {
        CliResult result = fixture.run("start", "--name", "endless", "--wait", "--poll", "100ms",
                "--wait-timeout", "1s");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.outLines()).hasSize(1);
        int id = Integer.parseInt(result.outLines().get(0));
        assertThat(result.err()).contains("--wait-timeout").contains("1s");
        assertThat(fixture.simulator.task(id).orElseThrow().state().isTerminal()).isFalse();
    }

    @Test
    void serviceErrorWhileWaitingExitsThree() {
        fixture.simulator.faults().on("GetBatchTaskInfo").always().exceptionInfo("SoException", "ticket revoked");
        CliResult result = fixture.run("start", "--name", "endless", "--wait", "--poll", "100ms");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SERVICE);
        assertThat(result.err()).contains("ticket revoked");
    }
}
