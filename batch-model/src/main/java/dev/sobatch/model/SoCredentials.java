package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** The {@code Credentials} request header. Its {@link #toString()} never shows the ticket. */
@XmlType(name = "SoCredentials")
public final class SoCredentials {
    @XmlElement(name = "Ticket", nillable = true)
    private String ticket;

    SoCredentials() {
    }

    public static SoCredentials ofTicket(String ticket) {
        SoCredentials c = new SoCredentials();
        c.ticket = ticket;
        return c;
    }

    /** The ticket; a secret. */
    public String ticket() {
        return ticket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoCredentials c && Objects.equals(ticket, c.ticket);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "SoCredentials[ticket=" + (ticket == null ? "null" : "***") + "]";
    }
}
