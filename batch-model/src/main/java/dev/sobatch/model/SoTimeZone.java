package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** The {@code TimeZone} SOAP header: SuperOffice's own time zone id and location code. */
@XmlType(name = "SoTimeZone", propOrder = {"id", "locationCode"})
public final class SoTimeZone {
    @XmlElement(name = "SoTimeZoneId")
    private int id;
    @XmlElement(name = "SoTimeZoneLocationCode", nillable = true)
    private String locationCode;

    SoTimeZone() {
    }

    public static SoTimeZone of(int id, String locationCode) {
        SoTimeZone tz = new SoTimeZone();
        tz.id = id;
        tz.locationCode = locationCode;
        return tz;
    }

    public int id() {
        return id;
    }

    public String locationCode() {
        return locationCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoTimeZone t && id == t.id && Objects.equals(locationCode, t.locationCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, locationCode);
    }

    @Override
    public String toString() {
        return "SoTimeZone[" + id + ", " + locationCode + "]";
    }
}
