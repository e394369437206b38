package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfosByState: the current user's tasks in a state. */
@XmlRootElement(name = "GetBatchTaskInfosByState")
@XmlType(name = "", propOrder = {"state"})
public final class GetBatchTaskInfosByState {
    @XmlElement(name = "State")
    private String state;

    GetBatchTaskInfosByState() {
    }

    public static GetBatchTaskInfosByState of(BatchTaskState state) {
        GetBatchTaskInfosByState r = new GetBatchTaskInfosByState();
        r.state = state == null ? null : state.wireName();
        return r;
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
        return other instanceof GetBatchTaskInfosByState o && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfosByState[state=" + state + "]";
    }
}
