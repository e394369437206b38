package dev.sobatch.soap;

import dev.sobatch.model.SoTimeZone;
import java.util.Objects;

/**
 * The SOAP headers of a request: {@code ApplicationToken}, {@code Credentials/Ticket} and the optional
 * {@code TimeZone}. Immutable. {@link #toString()} never shows the token or the ticket.
 */
public final class RequestHeaders {
    private static final RequestHeaders NONE = new RequestHeaders(null, null, null);

    private final String applicationToken;
    private final String ticket;
    private final SoTimeZone timeZone;

    private RequestHeaders(String applicationToken, String ticket, SoTimeZone timeZone) {
        this.applicationToken = applicationToken;
        this.ticket = ticket;
        this.timeZone = timeZone;
    }

    /** Headers with this token and ticket; either may be {@code null} (then the header is left out). */
    public static RequestHeaders of(String applicationToken, String ticket) {
        return new RequestHeaders(applicationToken, ticket, null);
    }

    /** No headers at all. */
    public static RequestHeaders none() {
        return NONE;
    }

    /** A copy with this time zone header. */
    public RequestHeaders withTimeZone(SoTimeZone timeZone) {
        return new RequestHeaders(applicationToken, ticket, timeZone);
    }

    /** The application token (a secret), or {@code null}. */
    public String applicationToken() {
        return applicationToken;
    }

    /** The ticket (a secret), or {@code null}. */
    public String ticket() {
        return ticket;
    }

    public SoTimeZone timeZone() {
        return timeZone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestHeaders h && Objects.equals(applicationToken, h.applicationToken)
                && Objects.equals(ticket, h.ticket) && Objects.equals(timeZone, h.timeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationToken, ticket, timeZone);
    }

    @Override
    public String toString() {
        return "RequestHeaders[applicationToken=" + mask(applicationToken) + ", ticket=" + mask(ticket)
                + ", timeZone=" + timeZone + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "none" : "***";
    }
}
