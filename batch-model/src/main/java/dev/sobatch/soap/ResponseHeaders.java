package dev.sobatch.soap;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoExtraInfo;
import dev.sobatch.model.SoTimeZone;
import java.util.Objects;

/**
 * The SOAP headers of a response: {@code ExceptionInfo}, {@code ExtraInfo}, {@code Succeeded} and
 * {@code TimeZone}. A nil {@code ExceptionInfo} (what WCF sends on success) reads as {@code null}.
 */
public final class ResponseHeaders {
    private static final ResponseHeaders SUCCESS = new ResponseHeaders(Boolean.TRUE, null, null, null);
    private static final ResponseHeaders ABSENT = new ResponseHeaders(null, null, null, null);

    private final Boolean succeeded;
    private final SoExceptionInfo exceptionInfo;
    private final SoExtraInfo extraInfo;
    private final SoTimeZone timeZone;

    private ResponseHeaders(Boolean succeeded, SoExceptionInfo exceptionInfo, SoExtraInfo extraInfo,
            SoTimeZone timeZone) {
        this.succeeded = succeeded;
        this.exceptionInfo = exceptionInfo;
        this.extraInfo = extraInfo;
        this.timeZone = timeZone;
    }

    /** {@code Succeeded=true}, nil exception info: what a successful call answers. */
    public static ResponseHeaders success() {
        return SUCCESS;
    }

    /** {@code Succeeded=false} with this exception info: how the service reports an application error. */
    public static ResponseHeaders failure(SoExceptionInfo exceptionInfo) {
        return new ResponseHeaders(Boolean.FALSE, exceptionInfo, null, null);
    }

    /** Headers with every value given; each may be {@code null} (left out, or nil). */
    public static ResponseHeaders of(Boolean succeeded, SoExceptionInfo exceptionInfo, SoExtraInfo extraInfo,
            SoTimeZone timeZone) {
        return new ResponseHeaders(succeeded, exceptionInfo, extraInfo, timeZone);
    }

    /** No headers at all (a response whose Header was missing). */
    public static ResponseHeaders absent() {
        return ABSENT;
    }

    public ResponseHeaders withExtraInfo(SoExtraInfo extraInfo) {
        return new ResponseHeaders(succeeded, exceptionInfo, extraInfo, timeZone);
    }

    public ResponseHeaders withTimeZone(SoTimeZone timeZone) {
        return new ResponseHeaders(succeeded, exceptionInfo, extraInfo, timeZone);
    }

    /** The {@code Succeeded} header, or {@code null} when the response did not carry it. */
    public Boolean succeeded() {
        return succeeded;
    }

    /** The exception info, or {@code null} when absent or nil. */
    public SoExceptionInfo exceptionInfo() {
        return exceptionInfo;
    }

    public SoExtraInfo extraInfo() {
        return extraInfo;
    }

    public SoTimeZone timeZone() {
        return timeZone;
    }

    /** Whether the headers report a failure: {@code Succeeded=false} or a non-nil exception info. */
    public boolean reportsFailure() {
        return Boolean.FALSE.equals(succeeded) || exceptionInfo != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseHeaders h && Objects.equals(succeeded, h.succeeded)
                && Objects.equals(exceptionInfo, h.exceptionInfo) && Objects.equals(extraInfo, h.extraInfo)
                && Objects.equals(timeZone, h.timeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(succeeded, exceptionInfo, extraInfo, timeZone);
    }

    @Override
    public String toString() {
        return "ResponseHeaders[succeeded=" + succeeded + ", exceptionInfo=" + exceptionInfo + ", extraInfo="
                + extraInfo + ", timeZone=" + timeZone + "]";
    }
}
