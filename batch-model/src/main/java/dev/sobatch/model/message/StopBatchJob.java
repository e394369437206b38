package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of StopBatchJob: ask a running task to stop. */
@XmlRootElement(name = "StopBatchJob")
@XmlType(name = "", propOrder = {"id"})
public final class StopBatchJob extends IdRequest {
    StopBatchJob() {
    }

    private StopBatchJob(int id) {
        super(id);
    }

    public static StopBatchJob of(int id) {
        return new StopBatchJob(id);
    }
}
