package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.simulator.RecordedRequest;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.simulator.TaskType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each command against a real simulator over loopback, in text and JSON. */
class CliCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorFixture fixture;

    @BeforeEach
    void startSimulator() {
        fixture = SimulatorFixture.start(SimulatorConfig.builder()
                .taskType("slow", TaskType.longRunning())
                .user("alice", "alice-pw")
                .defaultDuration(Duration.ofMinutes(10)));
    }

    @AfterEach
    void stopSimulator() {
        fixture.close();
    }

    private int startSlowJob() {
        CliResult result = fixture.run("start", "--name", "slow");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Integer.parseInt(result.out().trim());
    }

    @Test
    void startPrintsOnlyTheNewIdAndSendsNameParametersDescriptionAndContext() {
        CliResult result = fixture.run("start", "--name", "Export", "--param", "k=a=b", "--param", "empty=",
                "--description", "nightly export", "--context", "ctx-1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).hasSize(1);
        int id = Integer.parseInt(result.out().trim());
        BatchTaskInfo task = fixture.simulator.task(id).orElseThrow();
        assertThat(task.name()).isEqualTo("Export");
        assertThat(task.parameters().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("k", "a=b", "empty", ""));
        assertThat(task.description()).isEqualTo("nightly export");
        assertThat(task.context()).isEqualTo("ctx-1");
    }

    @Test
    void startWithJsonPrintsAnIdObject() throws Exception {
        CliResult result = fixture.run("--json", "start", "--name", "Export");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode node = JSON.readTree(result.out());
        assertThat(node.get("id").asInt()).isPositive();
        assertThat(fixture.simulator.task(node.get("id").asInt())).isPresent();
    }

    @Test
    void credentialsComeFromTheEnvironment() {
        startSlowJob();
        List<RecordedRequest> requests = fixture.simulator.requests();
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> assertThat(r.ticketMatches(SimulatorFixture.TICKET)).isTrue());
        assertThat(requests).noneSatisfy(r -> assertThat(r.hasApplicationToken()).isTrue());
    }

    @Test
    void usernameAndPasswordFromTheEnvironmentLogInThroughSoPrincipal() {
        Map<String, String> env = Map.of(
                "SOBATCH_ENDPOINT", fixture.simulator.batchServiceUrl().toString(),
                "SOBATCH_USERNAME", "alice",
                "SOBATCH_PASSWORD", "alice-pw");
        CliResult result = CliResult.run(env, "list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fixture.simulator.requests()).extracting(RecordedRequest::operation)
                .contains("AuthenticateUsernamePassword", "GetBatchTaskInfosByState");
    }

    @Test
    void applicationTokenComesFromTheEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(fixture.env());
        env.put("SOBATCH_APP_TOKEN", SimulatorFixture.APP_TOKEN);
        CliResult result = CliResult.run(env, "list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fixture.simulator.requests())
                .allSatisfy(r -> assertThat(r.applicationTokenMatches(SimulatorFixture.APP_TOKEN)).isTrue());
    }

    @Test
    void soapVersionOptionSelectsTheEnvelope() {
        CliResult result = fixture.run("--soap-version", "1.2", "list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fixture.simulator.requests()).extracting(RecordedRequest::soapVersion)
                .containsOnly(dev.sobatch.soap.SoapVersion.SOAP_12);
    }

    @Test
    void getShowsTheTaskAsText() {
        int id = startSlowJob();
        CliResult result = fixture.run("get", Integer.toString(id));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("id:").contains(Integer.toString(id)).contains("name:").contains("slow")
                .contains("state:").contains("progress:");
    }

    @Test
    void getWithJsonPrintsAnObjectWithIdNameStateAndProgress() throws Exception {
        int id = startSlowJob();
        CliResult result = fixture.run("--json", "get", Integer.toString(id));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode node = JSON.readTree(result.out());
        assertThat(node.get("id").asInt()).isEqualTo(id);
        assertThat(node.get("name").asText()).isEqualTo("slow");
        assertThat(BatchTaskState.parse(node.get("state").asText())).isPresent();
        assertThat(node.get("progressPercent").isInt()).isTrue();
    }

    @Test
    void getOfAnUnknownIdFailsWithServiceErrorAndEmptyStdout() {
        CliResult result = fixture.run("--json", "get", "424242");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SERVICE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("424242");
    }

    @Test
    void listPrintsOneTaskPerLine() {
        int first = startSlowJob();
        int second = startSlowJob();
        CliResult result = fixture.run("list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(0)).startsWith(Integer.toString(first)).contains("slow");
        assertThat(result.outLines().get(1)).startsWith(Integer.toString(second));
    }

    @Test
    void listWithJsonPrintsAnArrayAndFiltersByNameAndState() throws Exception {
        int slow = startSlowJob();
        CliResult other = fixture.run("start", "--name", "other");
        assertThat(other.exitCode()).isZero();

        JsonNode all = JSON.readTree(fixture.run("--json", "list").out());
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(2);

        JsonNode byName = JSON.readTree(fixture.run("--json", "list", "--name", "slow").out());
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("id").asInt()).isEqualTo(slow);

        JsonNode none = JSON.readTree(fixture.run("--json", "list", "--state", "Failed").out());
        assertThat(none).isEmpty();
    }

    @Test
    void stopPrintsTrueForARunningJobAndFalseOnceItEnded() throws Exception {
        int id = startSlowJob();
        CliResult first = fixture.run("stop", Integer.toString(id));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("true" + System.lineSeparator());
        assertThat(fixture.simulator.task(id).orElseThrow().state().isTerminal()).isTrue();

        CliResult again = fixture.run("--json", "stop", Integer.toString(id));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode node = JSON.readTree(again.out());
        assertThat(node.get("stopped").asBoolean()).isFalse();
        assertThat(node.get("id").asInt()).isEqualTo(id);
        assertThat(fixture.simulator.requestCount("StopBatchJob")).isEqualTo(2);
    }

    @Test
    void deleteRemovesOneOrManyTasks() throws Exception {
        int a = startSlowJob();
        int b = startSlowJob();
        int c = startSlowJob();

        CliResult one = fixture.run("delete", Integer.toString(a));
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.out()).isEmpty();
        assertThat(fixture.simulator.task(a)).isEmpty();
        assertThat(fixture.simulator.requestCount("DeleteBatchTask")).isEqualTo(1);

        CliResult many = fixture.run("--json", "delete", Integer.toString(b), Integer.toString(c));
        assertThat(many.exitCode()).as(many.toString()).isZero();
        assertThat(JSON.readTree(many.out()).get("deleted")).hasSize(2);
        assertThat(fixture.simulator.tasks()).isEmpty();
        assertThat(fixture.simulator.requestCount("DeleteBatchTasks")).isEqualTo(1);
    }
}
