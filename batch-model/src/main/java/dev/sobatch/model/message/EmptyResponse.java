package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlType;

/** An answer without content: DeleteBatchTaskResponse and DeleteBatchTasksResponse. */
@XmlType(name = "")
public final class EmptyResponse {
    private static final EmptyResponse INSTANCE = new EmptyResponse();

    EmptyResponse() {
    }

    public static EmptyResponse instance() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmptyResponse;
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "EmptyResponse";
    }
}
