package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** An answer with a list of tasks ({@code ArrayOfBatchTaskInfo}): the answer of every query. */
@XmlType(name = "")
public final class BatchTaskInfoListResponse {
    @XmlElementWrapper(name = "Response", nillable = true)
    @XmlElement(name = "BatchTaskInfo", nillable = true)
    private List<BatchTaskInfo> response;

    BatchTaskInfoListResponse() {
    }

    public static BatchTaskInfoListResponse of(Collection<BatchTaskInfo> tasks) {
        BatchTaskInfoListResponse r = new BatchTaskInfoListResponse();
        r.response = new ArrayList<>(tasks);
        return r;
    }

    /** The tasks in the service's order; nil entries and a nil list read as absent. */
    public List<BatchTaskInfo> value() {
        if (response == null) {
            return List.of();
        }
        List<BatchTaskInfo> tasks = new ArrayList<>(response.size());
        for (BatchTaskInfo t : response) {
            if (t != null) {
                tasks.add(t);
            }
        }
        return List.copyOf(tasks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchTaskInfoListResponse r && value().equals(r.value());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value());
    }

    @Override
    public String toString() {
        return "BatchTaskInfoListResponse[" + value().size() + " tasks]";
    }
}
