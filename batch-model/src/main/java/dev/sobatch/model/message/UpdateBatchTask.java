package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of UpdateBatchTask: change State, Description, Response and Request of a task. */
@XmlRootElement(name = "UpdateBatchTask")
@XmlType(name = "", propOrder = {"batchTaskInfo"})
public final class UpdateBatchTask {
    @XmlElement(name = "BatchTaskInfo", nillable = true)
    private BatchTaskInfo batchTaskInfo;

    UpdateBatchTask() {
    }

    public static UpdateBatchTask of(BatchTaskInfo batchTaskInfo) {
        UpdateBatchTask r = new UpdateBatchTask();
        r.batchTaskInfo = batchTaskInfo;
        return r;
    }

    public BatchTaskInfo batchTaskInfo() {
        return batchTaskInfo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateBatchTask o && Objects.equals(batchTaskInfo, o.batchTaskInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchTaskInfo);
    }

    @Override
    public String toString() {
        return "UpdateBatchTask[batchTaskInfo=" + batchTaskInfo + "]";
    }
}
