package dev.sobatch.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Maps {@code xsd:dateTime} as .NET's DataContractSerializer writes it to {@link OffsetDateTime}.
 *
 * <ul>
 *   <li>{@code 2021-11-30T13:23:33Z} (DateTimeKind.Utc) maps to that instant at offset {@code Z}.</li>
 *   <li>{@code 2021-11-30T14:23:33+01:00} (DateTimeKind.Local) keeps its offset.</li>
 *   <li>{@code 2021-11-30T13:23:33} (DateTimeKind.Unspecified, the server's own clock) is read as UTC;
 *       the response's {@code TimeZone} header says which zone the server meant.</li>
 *   <li>Up to 7 fractional digits (100 ns ticks) are kept exactly; more are accepted and truncated.</li>
 *   <li>{@code 0001-01-01T00:00:00} (DateTime.MinValue, "never") maps to {@code null}; {@code null} is
 *       written by leaving the element out, which the service reads as MinValue again.</li>
 * </ul>
 */
public final class DotNetDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    private static final LocalDateTime MIN_VALUE = LocalDateTime.of(1, 1, 1, 0, 0);

    @Override
    public OffsetDateTime unmarshal(String text) {
        return parse(text);
    }

    @Override
    public String marshal(OffsetDateTime value) {
        return format(value);
    }

    /**
     * Parses one .NET dateTime text.
     *
     * @throws IllegalArgumentException when the text is not a dateTime
     */
    public static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (hasZone(t)) {
                OffsetDateTime odt = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return odt.toLocalDateTime().equals(MIN_VALUE) ? null : odt;
            }
            LocalDateTime ldt = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return ldt.equals(MIN_VALUE) ? null : ldt.atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an xsd:dateTime: '" + abbreviate(t) + "'", e);
        }
    }

    /** Formats with at most 7 fractional digits, as .NET expects; {@code null} stays {@code null}. */
    public static String format(OffsetDateTime value) {
        if (value == null) {
            return null;
        }
        int nanos = value.getNano();
        OffsetDateTime ticks = value.with(ChronoField.NANO_OF_SECOND, nanos - nanos % 100);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ticks);
    }

    private static boolean hasZone(String t) {
        if (t.endsWith("Z") || t.endsWith("z")) {
            return true;
        }
        int timeStart = t.indexOf('T');
        if (timeStart < 0) {
            return false;
        }
        return t.indexOf('+', timeStart) > 0 || t.indexOf('-', timeStart) > 0;
    }

    private static String abbreviate(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }
}
