package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of DeleteBatchTask: remove one task. */
@XmlRootElement(name = "DeleteBatchTask")
@XmlType(name = "", propOrder = {"batchTaskId"})
public final class DeleteBatchTask {
    @XmlElement(name = "BatchTaskId")
    private int batchTaskId;

    DeleteBatchTask() {
    }

    public static DeleteBatchTask of(int batchTaskId) {
        DeleteBatchTask r = new DeleteBatchTask();
        r.batchTaskId = batchTaskId;
        return r;
    }

    public int batchTaskId() {
        return batchTaskId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeleteBatchTask o && batchTaskId == o.batchTaskId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchTaskId);
    }

    @Override
    public String toString() {
        return "DeleteBatchTask[batchTaskId=" + batchTaskId + "]";
    }
}
