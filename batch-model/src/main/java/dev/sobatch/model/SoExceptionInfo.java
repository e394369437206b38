package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the service tells about an error: the {@code ExceptionInfo} response header. The service sends it
 * as nil on success, which the codec reports as "no exception info".
 */
@XmlType(name = "SoExceptionInfo", propOrder = {"message", "stackTrace", "friendlyText", "exceptionType", "source",
        "innerException", "parameters"})
public final class SoExceptionInfo {
    @XmlElement(name = "Message", nillable = true)
    private String message;
    @XmlElement(name = "StackTrace", nillable = true)
    private String stackTrace;
    @XmlElement(name = "FriendlyText", nillable = true)
    private String friendlyText;
    @XmlElement(name = "ExceptionType", nillable = true)
    private String exceptionType;
    @XmlElement(name = "Source", nillable = true)
    private String source;
    @XmlElement(name = "InnerException", nillable = true)
    private SoExceptionInfo innerException;
    @XmlElementWrapper(name = "Parameters", nillable = true)
    @XmlElement(name = "SoExceptionInfoParametersKeyValuePair")
    private List<StringPair> parameters;

    SoExceptionInfo() {
    }

    public static Builder builder() {
        return new Builder(new SoExceptionInfo());
    }

    public String message() {
        return message;
    }

    public String stackTrace() {
        return stackTrace;
    }

    /** Text meant for end users, when the service has one. */
    public String friendlyText() {
        return friendlyText;
    }

    /** The .NET exception type name, e.g. {@code SoSecurityException}. */
    public String exceptionType() {
        return exceptionType;
    }

    public String source() {
        return source;
    }

    public SoExceptionInfo innerException() {
        return innerException;
    }

    public Map<String, String> parameters() {
        return StringPairs.asMap(parameters);
    }

    /** FriendlyText when present, else Message; never {@code null}. */
    public String displayText() {
        if (friendlyText != null && !friendlyText.isBlank()) {
            return friendlyText;
        }
        return message == null ? "" : message;
    }

    public Builder toBuilder() {
        return new Builder(copy());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SoExceptionInfo e)) {
            return false;
        }
        return Objects.equals(message, e.message) && Objects.equals(stackTrace, e.stackTrace)
                && Objects.equals(friendlyText, e.friendlyText) && Objects.equals(exceptionType, e.exceptionType)
                && Objects.equals(source, e.source) && Objects.equals(innerException, e.innerException)
                && StringPairs.same(parameters, e.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, friendlyText, exceptionType, source);
    }

    /** Type and message of this exception and its inner ones; no stack trace. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        SoExceptionInfo e = this;
        for (int depth = 0; e != null && depth < 8; depth++, e = e.innerException) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(e.exceptionType == null ? "SoException" : e.exceptionType).append(": ").append(e.displayText());
        }
        return sb.toString();
    }

    /** Builds an exception info; used by the simulator and by tests. */
    public static final class Builder {
        private final SoExceptionInfo info;

        private Builder(SoExceptionInfo info) {
            this.info = info;
        }

        public Builder message(String message) {
            info.message = message;
            return this;
        }

        public Builder stackTrace(String stackTrace) {
            info.stackTrace = stackTrace;
            return this;
        }

        public Builder friendlyText(String friendlyText) {
            info.friendlyText = friendlyText;
            return this;
        }

        public Builder exceptionType(String exceptionType) {
            info.exceptionType = exceptionType;
            return this;
        }

        public Builder source(String source) {
            info.source = source;
            return this;
        }

        public Builder innerException(SoExceptionInfo inner) {
            info.innerException = inner;
            return this;
        }

        public Builder parameters(Map<String, String> parameters) {
            info.parameters = parameters == null ? null : StringPairs.fromMap(parameters);
            return this;
        }

        public SoExceptionInfo build() {
            return info.copy();
        }
    }

    private SoExceptionInfo copy() {
        SoExceptionInfo copy = new SoExceptionInfo();
        copy.message = message;
        copy.stackTrace = stackTrace;
        copy.friendlyText = friendlyText;
        copy.exceptionType = exceptionType;
        copy.source = source;
        copy.innerException = innerException;
        copy.parameters = parameters == null ? null : StringPairs.copy(parameters);
        return copy;
    }
}
