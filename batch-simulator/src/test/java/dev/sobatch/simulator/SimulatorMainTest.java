package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {
    @Test
    void optionsBecomeTheConfiguration() {
        SimulatorConfig c = SimulatorMain.parse(new String[] {"--port", "0", "--ticket", "7T:abc", "--user",
                "alice:pa:ss", "--online", "tok", "--duration", "500ms", "--max-request-bytes", "1024",
                "--reject-unknown-tasks"});
        assertThat(c.port()).isZero();
        assertThat(c.tickets()).containsExactly("7T:abc");
        assertThat(c.users()).containsKey("alice");
        assertThat(c.users().get("alice").passwordMatches("pa:ss")).isTrue();
        assertThat(c.applicationToken()).isEqualTo("tok");
        assertThat(c.defaultDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.maxRequestBytes()).isEqualTo(1024);
        assertThat(c.acceptUnknownTaskNames()).isFalse();
        assertThat(c.toString()).doesNotContain("7T:abc", "pa:ss", "tok");
    }

    @Test
    void defaultsToPort8080AndARandomTicket() {
        SimulatorConfig c = SimulatorMain.parse(new String[0]);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.tickets()).singleElement().satisfies(t -> assertThat(t).startsWith("7T:sim-"));
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port", "x"}))
                .hasMessageContaining("takes a number");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--duration", "soon"}))
                .hasMessageContaining("not a duration");
        assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void bannerPrintsTheUrlsAndAReadyTicket() {
        try (BatchSimulator sim = BatchSimulator.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SimulatorMain.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), sim);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(sim.batchServiceUrl().toString(),
                    sim.soPrincipalUrl().toString(), "Ticket:          " + sim.ticket());
        }
    }
}
