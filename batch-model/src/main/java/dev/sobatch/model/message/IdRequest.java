package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.Objects;

/**
 * A request that names one task by its {@code Id}: GetBatchTaskInfo and StopBatchJob. The operations share their
 * body's shape; each subclass names its own element.
 */
@XmlTransient
public abstract class IdRequest {
    @XmlElement(name = "Id")
    private int id;

    IdRequest() {
    }

    IdRequest(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    @Override
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        IdRequest o = (IdRequest) other;
        return id == o.id;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getSimpleName(), id);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[id=" + id + "]";
    }
}
