package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of StartBatchJob: create and start a task; the answer is its id. */
@XmlRootElement(name = "StartBatchJob")
@XmlType(name = "", propOrder = {"batchTaskInfo"})
public final class StartBatchJob extends TaskInfoRequest {
    StartBatchJob() {
    }

    private StartBatchJob(BatchTaskInfo batchTaskInfo) {
        super(batchTaskInfo);
    }

    public static StartBatchJob of(BatchTaskInfo batchTaskInfo) {
        return new StartBatchJob(batchTaskInfo);
    }
}
