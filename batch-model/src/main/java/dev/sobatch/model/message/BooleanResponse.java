package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** An answer whose {@code Response} is a boolean: StopBatchJobResponse. */
@XmlType(name = "")
public final class BooleanResponse {
    @XmlElement(name = "Response")
    private Boolean response;

    BooleanResponse() {
    }

    public static BooleanResponse of(boolean value) {
        BooleanResponse r = new BooleanResponse();
        r.response = value;
        return r;
    }

    /** The value, or {@code null} when the element was left out. */
    public Boolean value() {
        return response;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BooleanResponse r && java.util.Objects.equals(response, r.response);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(response);
    }

    @Override
    public String toString() {
        return "BooleanResponse[" + response + "]";
    }
}
