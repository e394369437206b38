package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.Guards;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulator's successful AuthenticateUsernamePassword issues a new ticket on its event loop. It used to
 * draw it from a NativePRNG {@code SecureRandom}, which reads /dev/urandom through a FileInputStream, so
 * under BlockHound (as in any test suite that installs it) the login failed with HTTP 500 and no body.
 * Regression test: tickets now come from a DRBG seeded when the simulator starts.
 */
class SimulatorLoginOnEventLoopTest {
    @Test
    void successfulLoginDoesNotBlockTheSimulatorsEventLoop() {
        int before = Guards.blockingCalls().size();
        try (BatchSimulator sim = BatchSimulator.start(SimulatorConfig.builder().port(0).user("ada", "pw-ada")
                .manualClock().build())) {
            // a client logs in once; NativePRNG refills its buffer from the file now and then, so use a few
            for (int i = 0; i < 3; i++) {
                try (ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl())
                        .credentials("ada", "pw-ada").retryPolicy(RetryPolicy.none()).build()) {
                    Integer id = client.startBatchJob(BatchTaskInfo.named("Export").build())
                            .block(Duration.ofSeconds(10));
                    assertThat(id).isPositive();
                }
            }
            assertThat(sim.requestCount("AuthenticateUsernamePassword")).isEqualTo(3);
            assertThat(Guards.blockingCalls().subList(before, Guards.blockingCalls().size())).as("blocking calls on the simulator's event loops").isEmpty();
        }
    }
}
