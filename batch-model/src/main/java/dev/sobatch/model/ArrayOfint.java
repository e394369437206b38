package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The contract's {@code ArrayOfint}: a list of ints in the .NET arrays namespace. */
@XmlType(name = "ArrayOfint", namespace = Namespaces.ARRAYS)
public final class ArrayOfint {
    @XmlElement(name = "int", namespace = Namespaces.ARRAYS)
    private List<Integer> values;

    ArrayOfint() {
    }

    /** An array with these values, in order. */
    public static ArrayOfint of(int... values) {
        ArrayOfint a = new ArrayOfint();
        a.values = new ArrayList<>(values.length);
        for (int v : values) {
            a.values.add(v);
        }
        return a;
    }

    /** An array with these values, in iteration order; {@code null} elements are refused. */
    public static ArrayOfint of(Collection<Integer> values) {
        ArrayOfint a = new ArrayOfint();
        a.values = new ArrayList<>(values.size());
        for (Integer v : values) {
            if (v == null) {
                throw new IllegalArgumentException("ArrayOfint cannot hold null");
            }
            a.values.add(v);
        }
        return a;
    }

    /** The values, read-only. */
    public List<Integer> values() {
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayOfint a && values().equals(a.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return values().toString();
    }
}
