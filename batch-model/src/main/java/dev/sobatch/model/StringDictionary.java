package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code StringDictionary} of the contract: ordered key/value pairs, as the task's
 * {@code ParameterObject}. Immutable; keys and values may be {@code null} (nil on the wire).
 */
@XmlType(name = "StringDictionary")
public final class StringDictionary {
    private static final StringDictionary EMPTY = new StringDictionary();

    @XmlElement(name = "StringKeyValuePair")
    private List<StringPair> pairs;

    StringDictionary() {
    }

    private StringDictionary(List<StringPair> pairs) {
        this.pairs = pairs;
    }

    /** The empty dictionary. */
    public static StringDictionary empty() {
        return EMPTY;
    }

    /** A dictionary with the map's entries in the map's iteration order. */
    public static StringDictionary of(Map<String, String> entries) {
        return new StringDictionary(StringPairs.fromMap(entries));
    }

    /** A dictionary with these pairs, in this order. */
    public static StringDictionary ofPairs(List<StringPair> pairs) {
        return new StringDictionary(StringPairs.copy(pairs));
    }

    /** A copy of this dictionary with {@code key} set to {@code value} (replacing an existing pair). */
    public StringDictionary with(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>(asMap());
        map.put(key, value);
        return of(map);
    }

    /** The pairs in wire order. */
    public List<StringPair> pairs() {
        return StringPairs.view(pairs);
    }

    /** A read-only map view in wire order; when a key repeats, the last pair wins. */
    public Map<String, String> asMap() {
        return StringPairs.asMap(pairs);
    }

    /** The value of the last pair with this key, or {@code null}. */
    public String get(String key) {
        return StringPairs.get(pairs, key);
    }

    public int size() {
        return pairs == null ? 0 : pairs.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringDictionary d && StringPairs.same(pairs, d.pairs);
    }

    @Override
    public int hashCode() {
        return StringPairs.hash(pairs);
    }

    @Override
    public String toString() {
        return pairs().toString();
    }
}
