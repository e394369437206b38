package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of GetSystemBatchTaskInfosByNameAndState. */
@XmlRootElement(name = "GetSystemBatchTaskInfosByNameAndState")
@XmlType(name = "", propOrder = {"taskName", "state"})
public final class GetSystemBatchTaskInfosByNameAndState extends TaskNameAndStateQuery {
    GetSystemBatchTaskInfosByNameAndState() {
    }

    private GetSystemBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        super(taskName, state);
    }

    public static GetSystemBatchTaskInfosByNameAndState of(String taskName, BatchTaskState state) {
        return new GetSystemBatchTaskInfosByNameAndState(taskName, state);
    }
}
