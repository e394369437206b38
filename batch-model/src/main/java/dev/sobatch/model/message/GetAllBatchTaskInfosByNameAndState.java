package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetAllBatchTaskInfosByNameAndState. */
@XmlRootElement(name = "GetAllBatchTaskInfosByNameAndState")
@XmlType(name = "", propOrder = {"taskName", "state"})
public final class GetAllBatchTaskInfosByNameAndState {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;
    @XmlElement(name = "State")
    private String state;

    GetAllBatchTaskInfosByNameAndState() {
    }

    public static GetAllBatchTaskInfosByNameAndState of(String taskName, BatchTaskState state) {
        GetAllBatchTaskInfosByNameAndState r = new GetAllBatchTaskInfosByNameAndState();
        r.taskName = taskName;
        r.state = state == null ? null : state.wireName();
        return r;
    }

    public String taskName() {
        return taskName;
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
        return other instanceof GetAllBatchTaskInfosByNameAndState o && Objects.equals(taskName, o.taskName) && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskName, state);
    }

    @Override
    public String toString() {
        return "GetAllBatchTaskInfosByNameAndState[taskName=" + taskName + ", state=" + state + "]";
    }
}
