package dev.sobatch.model.message;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfosByAssociatesAndState. */
@XmlRootElement(name = "GetBatchTaskInfosByAssociatesAndState")
@XmlType(name = "", propOrder = {"associateIds", "state"})
public final class GetBatchTaskInfosByAssociatesAndState {
    @XmlElement(name = "AssociateIds", nillable = true)
    private ArrayOfint associateIds;
    @XmlElement(name = "State")
    private String state;

    GetBatchTaskInfosByAssociatesAndState() {
    }

    public static GetBatchTaskInfosByAssociatesAndState of(ArrayOfint associateIds, BatchTaskState state) {
        GetBatchTaskInfosByAssociatesAndState r = new GetBatchTaskInfosByAssociatesAndState();
        r.associateIds = associateIds;
        r.state = state == null ? null : state.wireName();
        return r;
    }

    public ArrayOfint associateIds() {
        return associateIds;
    }

    /** The state filter; {@link BatchTaskState#UNKNOWN} when missing or not known to this SDK. */
    public BatchTaskState state() {
        return BatchTaskState.fromWire(state);
    }

    /** The state filter as written on the wire. */
    public String stateText() {
        return state;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetBatchTaskInfosByAssociatesAndState o && Objects.equals(associateIds, o.associateIds) && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(associateIds, state);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfosByAssociatesAndState[associateIds=" + associateIds + ", state=" + state + "]";
    }
}
