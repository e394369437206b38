package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetAllBatchTaskInfosByName: tasks of this type for every user. */
@XmlRootElement(name = "GetAllBatchTaskInfosByName")
@XmlType(name = "", propOrder = {"taskName"})
public final class GetAllBatchTaskInfosByName {
    @XmlElement(name = "TaskName", nillable = true)
    private String taskName;

    GetAllBatchTaskInfosByName() {
    }

    public static GetAllBatchTaskInfosByName of(String taskName) {
        GetAllBatchTaskInfosByName r = new GetAllBatchTaskInfosByName();
        r.taskName = taskName;
        return r;
    }

    public String taskName() {
        return taskName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetAllBatchTaskInfosByName o && Objects.equals(taskName, o.taskName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskName);
    }

    @Override
    public String toString() {
        return "GetAllBatchTaskInfosByName[taskName=" + taskName + "]";
    }
}
