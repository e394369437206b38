package dev.sobatch.model.message;

import dev.sobatch.model.BatchTaskState;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of GetAllBatchTaskInfosByNameAndState. */
@XmlRootElement(name = "GetAllBatchTaskInfosByNameAndState")
@XmlType(name = "", propOrder = {"taskName", "state"})
public final class GetAllBatchTaskInfosByNameAndState extends TaskNameAndStateQuery {
    GetAllBatchTaskInfosByNameAndState() {
    }

    private GetAllBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        super(taskName, state);
    }

    public static GetAllBatchTaskInfosByNameAndState of(String taskName, BatchTaskState state) {
        return new GetAllBatchTaskInfosByNameAndState(taskName, state);
    }
}
