package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** One key/value pair of a .NET string dictionary; the key and the value may each be nil ({@code null}). */
@XmlType(name = "", propOrder = {"key", "value"})
public final class StringPair {
    @XmlElement(name = "Key", required = true, nillable = true)
    private String key;
    @XmlElement(name = "Value", required = true, nillable = true)
    private String value;

    StringPair() {
    }

    private StringPair(String key, String value) {
        this.key = key;
        this.value = value;
    }

    /** A pair; either part may be {@code null}. */
    public static StringPair of(String key, String value) {
        return new StringPair(key, value);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringPair p && Objects.equals(key, p.key) && Objects.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
