package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of GetBatchTaskInfo: read one task by id. */
@XmlRootElement(name = "GetBatchTaskInfo")
@XmlType(name = "", propOrder = {"id"})
public final class GetBatchTaskInfo extends IdRequest {
    GetBatchTaskInfo() {
    }

    private GetBatchTaskInfo(int id) {
        super(id);
    }

    public static GetBatchTaskInfo of(int id) {
        return new GetBatchTaskInfo(id);
    }
}
