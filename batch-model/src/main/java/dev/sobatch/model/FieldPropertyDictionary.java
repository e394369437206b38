package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Carrier base's {@code FieldProperties}: field name to {@link FieldProperty}. */
@XmlType(name = "FieldPropertyDictionary")
public final class FieldPropertyDictionary {
    @XmlElement(name = "FieldPropertyDictionaryKeyValuePair")
    private List<Entry> entries;

    FieldPropertyDictionary() {
    }

    public static FieldPropertyDictionary of(Map<String, FieldProperty> properties) {
        FieldPropertyDictionary d = new FieldPropertyDictionary();
        d.entries = new ArrayList<>();
        properties.forEach((k, v) -> d.entries.add(new Entry(k, v)));
        return d;
    }

    /** Field name to property, in wire order. */
    public Map<String, FieldProperty> asMap() {
        Map<String, FieldProperty> map = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(e -> map.put(e.key, e.value));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPropertyDictionary d && asMap().equals(d.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    @XmlType(name = "", propOrder = {"key", "value"})
    static final class Entry {
        @XmlElement(name = "Key", required = true, nillable = true)
        private String key;
        @XmlElement(name = "Value", required = true, nillable = true)
        private FieldProperty value;

        Entry() {
        }

        Entry(String key, FieldProperty value) {
            this.key = key;
            this.value = value;
        }
    }
}
