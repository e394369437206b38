package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskInfo;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of UpdateBatchTask: change State, Description, Response and Request of a task. */
@XmlRootElement(name = "UpdateBatchTask")
@XmlType(name = "", propOrder = {"batchTaskInfo"})
public final class UpdateBatchTask extends TaskInfoRequest {
    UpdateBatchTask() {
    }

    private UpdateBatchTask(BatchTaskInfo batchTaskInfo) {
        super(batchTaskInfo);
    }

    public static UpdateBatchTask of(BatchTaskInfo batchTaskInfo) {
        return new UpdateBatchTask(batchTaskInfo);
    }
}
