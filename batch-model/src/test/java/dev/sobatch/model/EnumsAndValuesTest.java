package dev.sobatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EnumsAndValuesTest {

    @Test
    void statesUseTheWsdlsSpellingIncludingAquired() {
        assertThat(BatchTaskState.values()).extracting(BatchTaskState::wireName).containsExactly("Unknown", "New",
                "Aquired", "Started", "Succeeded", "Failed", "SucceededManualCleanup", "All");
    }

    @ParameterizedTest
    @CsvSource({"Aquired,AQUIRED", "aquired,AQUIRED", "SUCCEEDED_MANUAL_CLEANUP,SUCCEEDED_MANUAL_CLEANUP",
            "SucceededManualCleanup,SUCCEEDED_MANUAL_CLEANUP", "' Started ',STARTED", "all,ALL"})
    void parseAcceptsWireNamesAndConstantNamesIgnoringCase(String text, BatchTaskState expected) {
        assertThat(BatchTaskState.parse(text)).contains(expected);
        assertThat(BatchTaskState.fromWire(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownOrMissingStateParsesToNothingAndReadsAsUnknown() {
        assertThat(BatchTaskState.parse("Paused")).isEmpty();
        assertThat(BatchTaskState.parse(null)).isEmpty();
        assertThat(BatchTaskState.parse("Acquired")).isEmpty();
        assertThat(BatchTaskState.fromWire("Paused")).isEqualTo(BatchTaskState.UNKNOWN);
        assertThat(BatchTaskState.fromWire(null)).isEqualTo(BatchTaskState.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(BatchTaskState.class)
    void onlySucceededFailedAndManualCleanupAreTerminal(BatchTaskState state) {
        boolean terminal = List.of(BatchTaskState.SUCCEEDED, BatchTaskState.FAILED,
                BatchTaskState.SUCCEEDED_MANUAL_CLEANUP).contains(state);

        assertThat(state.isTerminal()).isEqualTo(terminal);
    }

    @Test
    void cancellationBehavioursParseLikeStates() {
        assertThat(BatchTaskCancellationBehaviour.parse("CanCancel")).contains(BatchTaskCancellationBehaviour.CAN_CANCEL);
        assertThat(BatchTaskCancellationBehaviour.parse("cannot_cancel"))
                .contains(BatchTaskCancellationBehaviour.CANNOT_CANCEL);
        assertThat(BatchTaskCancellationBehaviour.parse("Whatever")).isEmpty();
        assertThat(BatchTaskCancellationBehaviour.parse(null)).isEmpty();
        assertThat(BatchTaskCancellationBehaviour.values()).extracting(BatchTaskCancellationBehaviour::wireName)
                .containsExactly("CanCancel", "CancelWithWarning", "CannotCancel");
    }

    @Test
    void credentialsNeverShowTheTicket() {
        SoCredentials credentials = SoCredentials.ofTicket("7T:very-SECRET-ticket==");

        assertThat(credentials.toString()).doesNotContain("very-SECRET").doesNotContain("7T:");
        assertThat(credentials.ticket()).isEqualTo("7T:very-SECRET-ticket==");
        assertThat(credentials).isEqualTo(SoCredentials.ofTicket("7T:very-SECRET-ticket=="));
        assertThat(SoCredentials.ofTicket(null).toString()).contains("null");
    }

    @Test
    void arrayOfIntKeepsOrderAndRefusesNulls() {
        assertThat(ArrayOfint.of(3, 1, 2).values()).containsExactly(3, 1, 2);
        assertThat(ArrayOfint.of(List.of(5, 6))).isEqualTo(ArrayOfint.of(5, 6)).hasSameHashCodeAs(ArrayOfint.of(5, 6));
        assertThat(ArrayOfint.of().values()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> ArrayOfint.of(java.util.Arrays.asList(1, null)));
    }

    @Test
    void exceptionInfoDisplaysFriendlyTextElseMessage() {
        assertThat(SoExceptionInfo.builder().message("m").friendlyText("f").build().displayText()).isEqualTo("f");
        assertThat(SoExceptionInfo.builder().message("m").friendlyText(" ").build().displayText()).isEqualTo("m");
        assertThat(SoExceptionInfo.builder().build().displayText()).isEmpty();
    }

    // ------------------------------------------------------------------ DotNetDateTimeAdapter on its own

    @ParameterizedTest
    @CsvSource({
            "2021-11-30T13:23:33Z, 2021-11-30T13:23:33Z",
            "2021-11-30T14:23:33+01:00, 2021-11-30T14:23:33+01:00",
            "2021-11-30T08:23:33-05:00, 2021-11-30T08:23:33-05:00",
            "2021-11-30T13:23:33, 2021-11-30T13:23:33Z",
            "2021-11-30T13:23:33.1234567Z, 2021-11-30T13:23:33.1234567Z",
            "2021-11-30T13:23:33.123456789Z, 2021-11-30T13:23:33.123456789Z",
            "2021-11-30T13:23:33.5, 2021-11-30T13:23:33.5Z"})
    void dotNetDateTimesParseAsDocumented(String wire, String expected) {
        assertThat(DotNetDateTimeAdapter.parse(wire)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"0001-01-01T00:00:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000", "''", "'  '"})
    void minValueAndEmptyTextMeanNoDate(String wire) {
        assertThat(DotNetDateTimeAdapter.parse(wire)).isNull();
    }

    @Test
    void formattingKeepsTheOffsetSecondsAndAtMostSevenFractionalDigits() {
        assertThat(DotNetDateTimeAdapter.format(OffsetDateTime.of(2021, 11, 30, 13, 23, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2021-11-30T13:23:00Z");
        assertThat(DotNetDateTimeAdapter.format(OffsetDateTime.of(2021, 11, 30, 13, 23, 33, 123_456_789,
                ZoneOffset.ofHours(1)))).isEqualTo("2021-11-30T13:23:33.1234567+01:00");
        assertThat(DotNetDateTimeAdapter.format(null)).isNull();
        assertThat(DotNetDateTimeAdapter.parse(null)).isNull();
    }

    @Test
    void textThatIsNoDateTimeIsRefusedWithAShortMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> DotNetDateTimeAdapter.parse("yesterday"))
                .withMessageContaining("yesterday");
        assertThatIllegalArgumentException().isThrownBy(() -> DotNetDateTimeAdapter.parse("x".repeat(10_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }
}
