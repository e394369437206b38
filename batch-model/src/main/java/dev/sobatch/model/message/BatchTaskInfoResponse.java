package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** An answer with one task: GetBatchTaskInfoResponse and UpdateBatchTaskResponse. */
@XmlType(name = "")
public final class BatchTaskInfoResponse {
    @XmlElement(name = "Response", nillable = true)
    private BatchTaskInfo response;

    BatchTaskInfoResponse() {
    }

    public static BatchTaskInfoResponse of(BatchTaskInfo task) {
        BatchTaskInfoResponse r = new BatchTaskInfoResponse();
        r.response = task;
        return r;
    }

    /** The task, or {@code null} when the service answered nil (no such task). */
    public BatchTaskInfo value() {
        return response;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchTaskInfoResponse r && Objects.equals(response, r.response);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(response);
    }

    @Override
    public String toString() {
        return "BatchTaskInfoResponse[" + response + "]";
    }
}
