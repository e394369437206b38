package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected failures map to exit codes 3 and 4 with a readable stderr line; retries are counted by the server. */
class CliFailureTest {

    private SimulatorFixture fixture;

    @BeforeEach
    void startSimulator() {
        fixture = SimulatorFixture.start(SimulatorConfig.builder());
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    @Test
    void soapFaultIsAServiceErrorCarryingTheFaultString() {
        fixture.simulator.faults().on("GetBatchTaskInfo").always().soapFault(
                dev.sobatch.soap.SoapFault.server("Database is in maintenance mode", null));
        CliResult result = fixture.run("--json", "get", "1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SERVICE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("GetBatchTaskInfo").contains("Database is in maintenance mode");
    }

    @Test
    void exceptionInfoIsAServiceErrorPreferringTheFriendlyText() {
        fixture.simulator.faults().on("StartBatchJob").always().exceptionInfo(SoExceptionInfo.builder()
                .message("SoException: internal thing").friendlyText("You may not start this job").build());
        CliResult result = fixture.run("start", "--name", "x");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SERVICE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("You may not start this job");
    }

    @Test
    void persistentBadGatewayIsNoUsableAnswerAfterAllAttempts() {
        fixture.simulator.faults().on("GetBatchTaskInfosByState").always().httpStatus(502);
        CliResult result = fixture.run("--max-attempts", "2", "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.err()).contains("transport");
        assertThat(fixture.simulator.requestCount("GetBatchTaskInfosByState")).isEqualTo(2);
    }

    @Test
    void malformedResponseIsNoUsableAnswer() {
        fixture.simulator.faults().on("GetBatchTaskInfosByState").always().malformedBody();
        CliResult result = fixture.run("--max-attempts", "1", "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.err()).contains("malformed");
    }

    @Test
    void slowAnswerBeyondTheTimeoutIsNoUsableAnswer() {
        fixture.simulator.faults().on("GetBatchTaskInfosByState").always().delay(Duration.ofSeconds(5));
        CliResult result = fixture.run("--timeout", "500ms", "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.err()).contains("timeout");
    }

    @Test
    void safeCallIsRetriedAfterATransientError() {
        fixture.simulator.faults().on("GetBatchTaskInfosByState").once().httpStatus(503);
        CliResult result = fixture.run("list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fixture.simulator.requestCount("GetBatchTaskInfosByState")).isEqualTo(2);
    }

    @Test
    void maxAttemptsOfOneDisablesRetries() {
        fixture.simulator.faults().on("GetBatchTaskInfosByState").once().httpStatus(503);
        CliResult result = fixture.run("--max-attempts", "1", "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(fixture.simulator.requestCount("GetBatchTaskInfosByState")).isEqualTo(1);
    }

    @Test
    void startBatchJobIsNotResentAfterAnUnknownOutcome() {
        fixture.simulator.faults().on("StartBatchJob").once().closeAfterRead();
        CliResult result = fixture.run("start", "--name", "x");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.out()).isEmpty();
        assertThat(fixture.simulator.requestCount("StartBatchJob")).isEqualTo(1);
    }

    @Test
    void startBatchJobIsResentAfterAnUnknownOutcomeWithRetryUnsafe() {
        fixture.simulator.faults().on("StartBatchJob").once().closeAfterRead();
        CliResult result = fixture.run("--retry-unsafe", "start", "--name", "x");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().trim()).matches("\\d+");
        assertThat(fixture.simulator.requestCount("StartBatchJob")).isEqualTo(2);
    }
}
