package dev.sobatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheShortForms() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("3h")).isEqualTo(Duration.ofHours(3));
        assertThat(converter.convert("2S")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void readsIso8601() {
        assertThat(converter.convert("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsZeroNegativeAndUnitlessValues() {
        assertThatThrownBy(() -> converter.convert("0ms")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> converter.convert("PT-1S")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("PT2S");
    }

    @Test
    void printsDurationsTheWayTheyAreTyped() {
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.of(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(DurationText.of(Duration.ofMinutes(5))).isEqualTo("5m");
    }
}
