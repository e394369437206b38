package dev.sobatch.model.message;

import dev.sobatch.model.ArrayOfint;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** Body of DeleteBatchTasks: remove several tasks. */
@XmlRootElement(name = "DeleteBatchTasks")
@XmlType(name = "", propOrder = {"batchTaskIds"})
public final class DeleteBatchTasks {
    @XmlElement(name = "BatchTaskIds", nillable = true)
    private ArrayOfint batchTaskIds;

    DeleteBatchTasks() {
    }

    public static DeleteBatchTasks of(ArrayOfint batchTaskIds) {
        DeleteBatchTasks r = new DeleteBatchTasks();
        r.batchTaskIds = batchTaskIds;
        return r;
    }

    public ArrayOfint batchTaskIds() {
        return batchTaskIds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeleteBatchTasks o && Objects.equals(batchTaskIds, o.batchTaskIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchTaskIds);
    }

    @Override
    public String toString() {
        return "DeleteBatchTasks[batchTaskIds=" + batchTaskIds + "]";
    }
}
