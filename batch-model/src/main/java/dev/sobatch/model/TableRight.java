package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * The Carrier base's {@code TableRight}: what the current user may do with the row. The mask is the raw
 * space-separated flag list (e.g. {@code "Select Update"}), kept as text so that new flags never break parsing.
 */
@XmlType(name = "TableRight", propOrder = {"mask", "reason"})
public final class TableRight {
    @XmlElement(name = "Mask")
    private String mask;
    @XmlElement(name = "Reason", nillable = true)
    private String reason;

    TableRight() {
    }

    public static TableRight of(String mask, String reason) {
        TableRight r = new TableRight();
        r.mask = mask;
        r.reason = reason;
        return r;
    }

    public String mask() {
        return mask;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRight t && Objects.equals(mask, t.mask) && Objects.equals(reason, t.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mask, reason);
    }

    @Override
    public String toString() {
        return "TableRight[" + mask + (reason == null ? "" : ", " + reason) + "]";
    }
}
