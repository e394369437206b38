package dev.sobatch.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.DateTimeException;
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
        OffsetDateTime fast = parseCommon(t);
        if (fast != null) {
            return fast.toLocalDateTime().equals(MIN_VALUE) ? null : fast;
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

    /**
     * The forms .NET writes, {@code yyyy-MM-ddTHH:mm:ss[.f…f][Z|±hh:mm]} with up to 9 fractional digits, read
     * by hand: the {@link DateTimeFormatter}s build a parse context, a field map and a resolver per value,
     * which made them the largest cost of decoding task lists. Gives the same result as the formatters, or
     * {@code null} for anything else (other forms, invalid dates), which then takes the formatter path.
     */
    private static OffsetDateTime parseCommon(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
                nano = nano * 10 + (t.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || i < n && isDigit(t.charAt(i))) {
                return null; // no digits, or more than 9: the formatter decides
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n) {
            offset = ZoneOffset.UTC; // DateTimeKind.Unspecified: read as UTC
        } else if (i == n - 1 && t.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            int sign = t.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null; // e.g. February 30th: the formatter reports it
        }
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
