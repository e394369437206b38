package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.Objects;

/**
 * A query by task type and state: GetAllBatchTaskInfosByNameAndState and GetSystemBatchTaskInfosByNameAndState.
 * The operations share their body's shape; each subclass names its own element.
 */
@XmlTransient
public abstract class TaskNameAndStateQuery {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;
    @XmlElement(name = "State")
    private String state;

    TaskNameAndStateQuery() {
    }

    TaskNameAndStateQuery(String taskName, BatchTaskState state) {
        this.taskName = taskName;
        this.state = state == null ? null : state.wireName();
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
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        TaskNameAndStateQuery o = (TaskNameAndStateQuery) other;
        return Objects.equals(taskName, o.taskName) && Objects.equals(state, o.state);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getSimpleName(), taskName, state);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[taskName=" + taskName + ", state=" + state + "]";
    }
}
