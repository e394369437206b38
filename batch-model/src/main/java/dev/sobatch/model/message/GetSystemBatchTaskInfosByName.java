package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of GetSystemBatchTaskInfosByName: system tasks of this type. */
@XmlRootElement(name = "GetSystemBatchTaskInfosByName")
@XmlType(name = "", propOrder = {"taskName"})
public final class GetSystemBatchTaskInfosByName extends TaskNameQuery {
    GetSystemBatchTaskInfosByName() {
    }

    private GetSystemBatchTaskInfosByName(String taskName) {
        super(taskName);
    }

    public static GetSystemBatchTaskInfosByName of(String taskName) {
        return new GetSystemBatchTaskInfosByName(taskName);
    }
}
