package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Rights and type of one field of a carrier, as the Carrier base's {@code FieldProperties} lists them. */
@XmlType(name = "FieldProperty", propOrder = {"fieldRight", "fieldType", "fieldLength"})
public final class FieldProperty {
    @XmlElement(name = "FieldRight", nillable = true)
    private TableRight fieldRight;
    @XmlElement(name = "FieldType", nillable = true)
    private String fieldType;
    @XmlElement(name = "FieldLength")
    private int fieldLength;

    FieldProperty() {
    }

    /** A field property; the right's mask is the raw {@code EFieldRight} flag list, e.g. {@code "Read Write"}. */
    public static FieldProperty of(TableRight fieldRight, String fieldType, int fieldLength) {
        FieldProperty p = new FieldProperty();
        p.fieldRight = fieldRight;
        p.fieldType = fieldType;
        p.fieldLength = fieldLength;
        return p;
    }

    /** Mask and reason of the field right; same shape as a table right. */
    public TableRight fieldRight() {
        return fieldRight;
    }

    public String fieldType() {
        return fieldType;
    }

    public int fieldLength() {
        return fieldLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldProperty p && fieldLength == p.fieldLength
                && Objects.equals(fieldRight, p.fieldRight) && Objects.equals(fieldType, p.fieldType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldRight, fieldType, fieldLength);
    }

    @Override
    public String toString() {
        return "FieldProperty[" + fieldType + ", " + fieldLength + ", " + fieldRight + "]";
    }
}
