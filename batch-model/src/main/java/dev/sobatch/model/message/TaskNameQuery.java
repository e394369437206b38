package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.Objects;

/**
 * A query by task type ({@code TaskName}): GetAllBatchTaskInfosByName and GetSystemBatchTaskInfosByName. The
 * operations share their body's shape; each subclass names its own element.
 */
@XmlTransient
public abstract class TaskNameQuery {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;

    TaskNameQuery() {
    }

    TaskNameQuery(String taskName) {
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }

    @Override
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        TaskNameQuery o = (TaskNameQuery) other;
        return Objects.equals(taskName, o.taskName);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getSimpleName(), taskName);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[taskName=" + taskName + "]";
    }
}
