package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of StopBatchJob: ask a running task to stop. */
@XmlRootElement(name = "StopBatchJob")
@XmlType(name = "", propOrder = {"id"})
public final class StopBatchJob {
    @XmlElement(name = "Id")
    private int id;

    StopBatchJob() {
    }

    public static StopBatchJob of(int id) {
        StopBatchJob r = new StopBatchJob();
        r.id = id;
        return r;
    }

    public int id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StopBatchJob o && id == o.id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "StopBatchJob[id=" + id + "]";
    }
}
