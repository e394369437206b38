package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The contract's {@code Carrier} base: rights of the current user on the row and on its fields. */
@XmlType(name = "Carrier", propOrder = {"tableRight", "fieldProperties"})
public abstract class Carrier {
    @XmlElement(name = "TableRight")
    TableRight tableRight;
    @XmlElement(name = "FieldProperties")
    FieldPropertyDictionary fieldProperties;

    Carrier() {
    }

    // not nillable here on purpose: a request leaves these out instead of sending nil; nil still reads as null

    /** What the current user may do with this row; {@code null} when the service did not say. */
    public TableRight tableRight() {
        return tableRight;
    }

    /** Per-field rights; {@code null} when the service did not say. */
    public FieldPropertyDictionary fieldProperties() {
        return fieldProperties;
    }
}
