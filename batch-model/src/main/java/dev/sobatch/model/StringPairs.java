package dev.sobatch.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared behaviour of the string dictionaries: an ordered list of pairs seen as a map. */
final class StringPairs {
    private StringPairs() {
    }

    static List<StringPair> copy(List<StringPair> pairs) {
        return pairs == null ? new ArrayList<>() : new ArrayList<>(pairs);
    }

    static List<StringPair> view(List<StringPair> pairs) {
        return pairs == null ? List.of() : Collections.unmodifiableList(pairs);
    }

    /** Later pairs win over earlier ones with the same key, as a .NET dictionary would not allow twice. */
    static Map<String, String> asMap(List<StringPair> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (pairs != null) {
            for (StringPair p : pairs) {
                map.put(p.key(), p.value());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    static String get(List<StringPair> pairs, String key) {
        if (pairs != null) {
            for (int i = pairs.size() - 1; i >= 0; i--) {
                StringPair p = pairs.get(i);
                if (key == null ? p.key() == null : key.equals(p.key())) {
                    return p.value();
                }
            }
        }
        return null;
    }

    static List<StringPair> fromMap(Map<String, String> map) {
        List<StringPair> pairs = new ArrayList<>(map.size());
        map.forEach((k, v) -> pairs.add(StringPair.of(k, v)));
        return pairs;
    }

    static boolean same(List<StringPair> a, List<StringPair> b) {
        return view(a).equals(view(b));
    }

    static int hash(List<StringPair> pairs) {
        return view(pairs).hashCode();
    }
}
