package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfosByNameAndState. */
@XmlRootElement(name = "GetBatchTaskInfosByNameAndState")
@XmlType(name = "", propOrder = {"name", "state"})
public final class GetBatchTaskInfosByNameAndState {
    @XmlElement(name = "Name", nillable = true)
    private String name;
    @XmlElement(name = "State")
    private String state;

    GetBatchTaskInfosByNameAndState() {
    }

    public static GetBatchTaskInfosByNameAndState of(String name, BatchTaskState state) {
        GetBatchTaskInfosByNameAndState r = new GetBatchTaskInfosByNameAndState();
        r.name = name;
        r.state = state == null ? null : state.wireName();
        return r;
    }

    public String name() {
        return name;
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
        return other instanceof GetBatchTaskInfosByNameAndState o && Objects.equals(name, o.name) && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, state);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfosByNameAndState[name=" + name + ", state=" + state + "]";
    }
}
