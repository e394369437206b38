package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.Objects;

/**
 * A request that carries a whole task: StartBatchJob and UpdateBatchTask. The operations share their body's
 * shape; each subclass names its own element.
 */
@XmlTransient
public abstract class TaskInfoRequest {
    @XmlElement(name = "BatchTaskInfo", nillable = true)
    private BatchTaskInfo batchTaskInfo;

    TaskInfoRequest() {
    }

    TaskInfoRequest(BatchTaskInfo batchTaskInfo) {
        this.batchTaskInfo = batchTaskInfo;
    }

    public BatchTaskInfo batchTaskInfo() {
        return batchTaskInfo;
    }

    @Override
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        TaskInfoRequest o = (TaskInfoRequest) other;
        return Objects.equals(batchTaskInfo, o.batchTaskInfo);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getSimpleName(), batchTaskInfo);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[batchTaskInfo=" + batchTaskInfo + "]";
    }
}
