package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --verbose} shows the HTTP exchanges on stderr without the ticket or the application token. The wire
 * log goes through slf4j-simple, which writes to whatever System.err is at the time, so the test swaps it.
 */
class CliVerboseTest {

    private SimulatorFixture fixture;
    private PrintStream originalErr;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        fixture = SimulatorFixture.start(SimulatorConfig.builder().online(SimulatorFixture.APP_TOKEN));
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        fixture.close();
    }

    private CliResult runWithCapturedErr(Map<String, String> env, String... args) {
        int code = Cli.run(args, env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        return new CliResult(code, "", captured.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> envWithToken() {
        Map<String, String> env = new HashMap<>(fixture.env());
        env.put("SOBATCH_APP_TOKEN", SimulatorFixture.APP_TOKEN);
        return env;
    }

    @Test
    void verboseLogsTheExchangeWithoutSecrets() {
        CliResult result = runWithCapturedErr(envWithToken(), "--verbose", "start", "--name", "x");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("StartBatchJob");
        assertThat(result.err()).doesNotContain(SimulatorFixture.TICKET).doesNotContain(SimulatorFixture.APP_TOKEN)
                .doesNotContain("s3cr3t");
        assertThat(fixture.simulator.requests())
                .allSatisfy(r -> assertThat(r.ticketMatches(SimulatorFixture.TICKET)).isTrue());
    }

    @Test
    void withoutVerboseNothingIsLogged() {
        CliResult result = runWithCapturedErr(envWithToken(), "start", "--name", "x");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
    }
}
