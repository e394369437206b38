package dev.sobatch.model.message;

import dev.sobatch.model.ArrayOfint;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfosByNameAndAssociates. */
@XmlRootElement(name = "GetBatchTaskInfosByNameAndAssociates")
@XmlType(name = "", propOrder = {"name", "associateIds"})
public final class GetBatchTaskInfosByNameAndAssociates {
    @XmlElement(name = "Name", nillable = true)
    private String name;
    @XmlElement(name = "AssociateIds", nillable = true)
    private ArrayOfint associateIds;

    GetBatchTaskInfosByNameAndAssociates() {
    }

    public static GetBatchTaskInfosByNameAndAssociates of(String name, ArrayOfint associateIds) {
        GetBatchTaskInfosByNameAndAssociates r = new GetBatchTaskInfosByNameAndAssociates();
        r.name = name;
        r.associateIds = associateIds;
        return r;
    }

    public String name() {
        return name;
    }

    public ArrayOfint associateIds() {
        return associateIds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetBatchTaskInfosByNameAndAssociates o && Objects.equals(name, o.name) && Objects.equals(associateIds, o.associateIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, associateIds);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfosByNameAndAssociates[name=" + name + ", associateIds=" + associateIds + "]";
    }
}
