package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged {@code target/sobatch.jar} as a separate process, the way users run it. */
class SobatchJarIT {

    private static final Path JAR = Paths.get(System.getProperty("sobatch.jar", "target/sobatch.jar"));

    private record Process(int exitCode, String out, String err) {
    }

    private static Process java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("run 'mvn package' first").exists();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("sobatch-out", ".txt");
        Path err = Files.createTempFile("sobatch-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SOBATCH_"));
            builder.environment().putAll(env);
            java.lang.Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("sobatch did not finish within 2 minutes");
            }
            return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void startDemoAndWaitAgainstTheEmbeddedSimulatorSucceeds() throws Exception {
        Process run = java(Map.of(), "start", "--name", "demo", "--wait");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d+");
        assertThat(lines.get(1)).isEqualTo("Succeeded");
        assertThat(run.err()).contains("embedded Batch.svc simulator");
    }

    @Test
    void verboseRunAgainstAServerLogsExchangesWithoutTicketOrToken() throws Exception {
        try (SimulatorFixture fixture = SimulatorFixture.start(
                SimulatorConfig.builder().online(SimulatorFixture.APP_TOKEN))) {
            Map<String, String> env = Map.of(
                    "SOBATCH_ENDPOINT", fixture.simulator.batchServiceUrl().toString(),
                    "SOBATCH_TICKET", SimulatorFixture.TICKET,
                    "SOBATCH_APP_TOKEN", SimulatorFixture.APP_TOKEN);
            Process run = java(env, "--verbose", "--json", "start", "--name", "x");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("{\"id\":");
            assertThat(run.err()).contains("StartBatchJob");
            assertThat(run.err() + run.out()).doesNotContain(SimulatorFixture.TICKET)
                    .doesNotContain(SimulatorFixture.APP_TOKEN).doesNotContain("s3cr3t");
            assertThat(fixture.simulator.requests())
                    .allSatisfy(r -> assertThat(r.ticketMatches(SimulatorFixture.TICKET)).isTrue());
        }
    }

    @Test
    void usageErrorExitsTwoFromTheJar() throws Exception {
        Process run = java(Map.of(), "start", "--param", "novalue");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--name");
    }
}
