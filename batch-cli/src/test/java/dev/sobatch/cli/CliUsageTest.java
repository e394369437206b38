package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Command-line mistakes exit with 2 before anything is contacted. The endpoint points at a closed port so
 * that a run which wrongly got past parsing fails differently (exit 4), and no simulator is started.
 */
class CliUsageTest {

    private static final Map<String, String> ENV = Map.of(
            "SOBATCH_ENDPOINT", "http://127.0.0.1:9/Remote/Services88/Batch.svc",
            "SOBATCH_TICKET", "7T:usage-test");

    private static CliResult run(String... args) {
        return CliResult.run(ENV, args);
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        CliResult result = run("start", "--name", "x", "--nmae", "y");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("--nmae").contains("sobatch start --help");
    }

    @Test
    void startWithoutNameIsAUsageError() {
        CliResult result = run("start");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--name");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void paramWithoutEqualsSignIsAUsageError() {
        CliResult result = run("start", "--name", "x", "--param", "novalue");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'novalue'").contains("KEY=VALUE");
    }

    @Test
    void paramKeyGivenTwiceIsAUsageError() {
        CliResult result = run("start", "--name", "x", "--param", "k=1", "--param", "k=2");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'k' given twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5", "-1s", "0s", "PTxS", "1.5s"})
    void malformedDurationsAreUsageErrors(String duration) {
        CliResult result = run("--timeout", duration, "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(duration);
    }

    @Test
    void badPollAndWaitTimeoutAreUsageErrors() {
        assertThat(run("start", "--name", "x", "--wait", "--poll", "fast").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("start", "--name", "x", "--wait", "--wait-timeout", "never").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unknownSoapVersionIsAUsageError() {
        CliResult result = run("--soap-version", "2.0", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("1.1 or 1.2");
    }

    @Test
    void maxAttemptsBelowOneIsAUsageError() {
        CliResult result = run("--max-attempts", "0", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--max-attempts");
    }

    @Test
    void unknownStateIsAUsageErrorListingTheStates() {
        CliResult result = run("list", "--state", "Sleeping");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("SucceededManualCleanup");
    }

    @Test
    void nonNumericIdIsAUsageError() {
        assertThat(run("get", "abc").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("delete").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingCommandIsAUsageError() {
        CliResult result = run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("missing command").contains("start");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "get", "list", "stop", "delete"})
    void everyCommandHasHelp(String command) {
        CliResult result = run(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: sobatch " + command);
    }

    @Test
    void rootHelpDescribesGlobalOptionsAndExitCodes() {
        CliResult result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--endpoint", "--timeout", "--max-attempts", "--retry-unsafe", "--json",
                "--verbose", "--soap-version", "SOBATCH_TICKET", "Exit codes");
    }

    @Test
    void endpointWithoutTicketIsAUsageErrorNamingTheVariable() {
        CliResult result = CliResult.run(Map.of("SOBATCH_ENDPOINT", "http://127.0.0.1:9/"), "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("SOBATCH_TICKET");
    }

    @Test
    void superOfficeOnlineWithoutApplicationTokenIsAUsageError() {
        CliResult result = CliResult.run(Map.of("SOBATCH_ENDPOINT", "https://sod.superoffice.com/Cust1/",
                "SOBATCH_TICKET", "7T:x"), "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("application token");
    }

    @Test
    void unreachableEndpointIsNoUsableAnswer() {
        CliResult result = run("--timeout", "5s", "--max-attempts", "1", "get", "1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(result.err()).contains("GetBatchTaskInfo").contains("transport");
        assertThat(result.out()).isEmpty();
    }
}
