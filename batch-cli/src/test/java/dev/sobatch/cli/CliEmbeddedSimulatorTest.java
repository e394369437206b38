package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without an endpoint the tool starts its own simulator, so it can be tried without a NetServer. */
class CliEmbeddedSimulatorTest {

    @Test
    void noEndpointStartsAnEmbeddedSimulatorAndSaysSoOnStderr() {
        CliResult result = CliResult.run(Map.of(), "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("embedded Batch.svc simulator").contains("http://127.0.0.1:");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aTicketFromTheEnvironmentIsNotNeededNorUsedByTheEmbeddedSimulator() {
        CliResult result = CliResult.run(Map.of("SOBATCH_TICKET", "ticket-for-a-real-server"),
                "start", "--name", "demo", "--wait", "--poll", "200ms");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lastOutLine()).isEqualTo("Succeeded");
        assertThat(result.err().lines().filter(l -> l.contains("simulator"))).hasSize(1);
    }
}
