package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** An answer whose {@code Response} is an int: StartBatchJobResponse (the new task's id). */
@XmlType(name = "")
public final class IntResponse {
    @XmlElement(name = "Response")
    private Integer response;

    IntResponse() {
    }

    public static IntResponse of(int value) {
        IntResponse r = new IntResponse();
        r.response = value;
        return r;
    }

    /** The value, or {@code null} when the element was left out. */
    public Integer value() {
        return response;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntResponse r && java.util.Objects.equals(response, r.response);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(response);
    }

    @Override
    public String toString() {
        return "IntResponse[" + response + "]";
    }
}
