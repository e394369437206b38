package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of StartBatchJob: create and start a task; the answer is its id. */
@XmlRootElement(name = "StartBatchJob")
@XmlType(name = "", propOrder = {"batchTaskInfo"})
public final class StartBatchJob {
    @XmlElement(name = "BatchTaskInfo", nillable = true)
    private BatchTaskInfo batchTaskInfo;

    StartBatchJob() {
    }

    public static StartBatchJob of(BatchTaskInfo batchTaskInfo) {
        StartBatchJob r = new StartBatchJob();
        r.batchTaskInfo = batchTaskInfo;
        return r;
    }

    public BatchTaskInfo batchTaskInfo() {
        return batchTaskInfo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StartBatchJob o && Objects.equals(batchTaskInfo, o.batchTaskInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchTaskInfo);
    }

    @Override
    public String toString() {
        return "StartBatchJob[batchTaskInfo=" + batchTaskInfo + "]";
    }
}
