package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetSystemBatchTaskInfosByNameAndState. */
@XmlRootElement(name = "GetSystemBatchTaskInfosByNameAndState")
@XmlType(name = "", propOrder = {"taskName", "state"})
public final class GetSystemBatchTaskInfosByNameAndState {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;
    @XmlElement(name = "State")
    private String state;

    GetSystemBatchTaskInfosByNameAndState() {
    }

    public static GetSystemBatchTaskInfosByNameAndState of(String taskName, BatchTaskState state) {
        GetSystemBatchTaskInfosByNameAndState r = new GetSystemBatchTaskInfosByNameAndState();
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
        return other instanceof GetSystemBatchTaskInfosByNameAndState o && Objects.equals(taskName, o.taskName) && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskName, state);
    }

    @Override
    public String toString() {
        return "GetSystemBatchTaskInfosByNameAndState[taskName=" + taskName + ", state=" + state + "]";
    }
}
