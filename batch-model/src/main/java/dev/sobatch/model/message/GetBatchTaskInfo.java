package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of GetBatchTaskInfo: read one task by id. */
@XmlRootElement(name = "GetBatchTaskInfo")
@XmlType(name = "", propOrder = {"id"})
public final class GetBatchTaskInfo {
    @XmlElement(name = "Id")
    private int id;

    GetBatchTaskInfo() {
    }

    public static GetBatchTaskInfo of(int id) {
        GetBatchTaskInfo r = new GetBatchTaskInfo();
        r.id = id;
        return r;
    }

    public int id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GetBatchTaskInfo o && id == o.id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "GetBatchTaskInfo[id=" + id + "]";
    }
}
