package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Map;

/** The {@code ExtraInfo} response header: name/value pairs the service adds to an answer. */
@XmlType(name = "SoExtraInfo")
public final class SoExtraInfo {
    @XmlElement(name = "ExtraInfoNameValuePair")
    private List<StringPair> pairs;

    SoExtraInfo() {
    }

    /** Extra info with the map's entries. */
    public static SoExtraInfo of(Map<String, String> entries) {
        SoExtraInfo info = new SoExtraInfo();
        info.pairs = StringPairs.fromMap(entries);
        return info;
    }

    public List<StringPair> pairs() {
        return StringPairs.view(pairs);
    }

    public Map<String, String> asMap() {
        return StringPairs.asMap(pairs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoExtraInfo e && StringPairs.same(pairs, e.pairs);
    }

    @Override
    public int hashCode() {
        return StringPairs.hash(pairs);
    }

    @Override
    public String toString() {
        return "SoExtraInfo" + pairs();
    }
}
