package dev.sobatch.model.message;

import dev.sobatch.model.ArrayOfint;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfosByAssociates: tasks owned by these associates. */
@XmlRootElement(name = "GetBatchTaskInfosByAssociates")
@XmlType(name = "", propOrder = {"associateIds"})
public final class GetBatchTaskInfosByAssociates {
    @XmlElement(name = "AssociateIds", nillable = true)
    private ArrayOfint associateIds;

    GetBatchTaskInfosByAssociates() {
    }

    public static GetBatchTaskInfosByAssociates of(ArrayOfint associateIds) {
        GetBatchTaskInfosByAssociates r = new GetBatchTaskInfosByAssociates();
        r.associateIds = associateIds;
        return r;
    }

    public ArrayOfint associateIds() {
        return associateIds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetBatchTaskInfosByAssociates o && Objects.equals(associateIds, o.associateIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(associateIds);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfosByAssociates[associateIds=" + associateIds + "]";
    }
}
