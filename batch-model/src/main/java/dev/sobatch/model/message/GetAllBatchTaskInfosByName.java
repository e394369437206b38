package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of GetAllBatchTaskInfosByName: tasks of this type for every user. */
@XmlRootElement(name = "GetAllBatchTaskInfosByName")
@XmlType(name = "", propOrder = {"taskName"})
public final class GetAllBatchTaskInfosByName extends TaskNameQuery {
    GetAllBatchTaskInfosByName() {
    }

    private GetAllBatchTaskInfosByName(String taskName) {
        super(taskName);
    }

    public static GetAllBatchTaskInfosByName of(String taskName) {
        return new GetAllBatchTaskInfosByName(taskName);
    }
}
