package dev.sobatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written path for the usual forms reads exactly what the ISO formatters read. */
class DotNetDateTimeFastPathTest {

    /** What {@link DotNetDateTimeAdapter#parse} returned before it had a fast path. */
    private static OffsetDateTime reference(String t) {
        boolean zoned = t.endsWith("Z") || t.indexOf('+', 11) > 0 || t.indexOf('-', 11) > 0;
        OffsetDateTime v = zoned ? OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        return v.toLocalDateTime().equals(LocalDateTime.of(1, 1, 1, 0, 0)) ? null : v;
    }

    @Test
    void generatedValuesInEveryUsualFormParseAsTheFormatterParsesThem() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of("0001-01-01T00:00:00", "0001-01-01T00:00:00Z",
                "0001-01-01T00:00:00+02:00", "2024-02-29T23:59:59.9999999-00:30", "2021-11-30T13:23:33.1+14:00",
                "9999-12-31T23:59:59.999999999-18:00", "2021-11-30T13:23:33-00:00"));
        for (int i = 0; i < 5_000; i++) {
            LocalDateTime ldt = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            StringBuilder t = new StringBuilder(ldt.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")));
            int digits = random.nextInt(10);
            if (digits > 0) {
                t.append('.');
                for (int d = 0; d < digits; d++) {
                    t.append((char) ('0' + random.nextInt(10)));
                }
            }
            switch (random.nextInt(3)) {
                case 0 -> t.append('Z');
                case 1 -> t.append(ZoneOffset.ofTotalSeconds((random.nextInt(73) - 36) * 900).getId()
                        .replace("Z", "+00:00"));
                default -> { }
            }
            texts.add(t.toString());
        }
        for (String t : texts) {
            assertThat(DotNetDateTimeAdapter.parse(t)).as(t).isEqualTo(reference(t));
        }
    }

    @Test
    void invalidDatesInTheUsualShapeStillFailWithTheFormattersMessage() {
        for (String t : List.of("2021-02-30T10:00:00Z", "2021-13-01T10:00:00", "2021-11-30T24:00:00",
                "2021-11-30T13:23:33+19:00", "2021-11-30T13:23:60")) {
            assertThatThrownBy(() -> DotNetDateTimeAdapter.parse(t)).as(t)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an xsd:dateTime");
        }
    }

    @Test
    void otherFormsTakeTheFormatterPath() {
        assertThat(DotNetDateTimeAdapter.parse("2021-11-30T13:23")).isEqualTo(OffsetDateTime.of(2021, 11, 30, 13, 23, 0, 0,
                ZoneOffset.UTC));
        assertThat(DotNetDateTimeAdapter.parse(" 2021-11-30t13:23:33z ")).isEqualTo(OffsetDateTime.of(2021, 11, 30, 13,
                23, 33, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> DotNetDateTimeAdapter.parse("2021-11-30T13:23:33.1234567891Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
