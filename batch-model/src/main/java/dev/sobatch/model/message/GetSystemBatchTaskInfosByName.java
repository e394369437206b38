package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetSystemBatchTaskInfosByName: system tasks of this type. */
@XmlRootElement(name = "GetSystemBatchTaskInfosByName")
@XmlType(name = "", propOrder = {"taskName"})
public final class GetSystemBatchTaskInfosByName {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;

    GetSystemBatchTaskInfosByName() {
    }

    public static GetSystemBatchTaskInfosByName of(String taskName) {
        GetSystemBatchTaskInfosByName r = new GetSystemBatchTaskInfosByName();
        r.taskName = taskName;
        return r;
    }

    public String taskName() {
        return taskName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetSystemBatchTaskInfosByName o && Objects.equals(taskName, o.taskName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskName);
    }

    @Override
    public String toString() {
        return "GetSystemBatchTaskInfosByName[taskName=" + taskName + "]";
    }
}
