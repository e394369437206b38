package dev.sobatch.client;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.soap.SoapFault;
import java.util.Optional;

/**
 * The service answered, and the answer is an error: a SOAP Fault, {@code Succeeded=false}, or a non-nil
 * {@code ExceptionInfo} header. Never retried: the request reached the service and was refused.
 */
public final class BatchServiceException extends BatchException {
    private static final long serialVersionUID = 1L;

    private final transient SoExceptionInfo exceptionInfo;
    private final transient SoapFault fault;
    private final int httpStatus;

    /** An error reported through the {@code ExceptionInfo} / {@code Succeeded} headers. */
    public BatchServiceException(String operation, String endpointHost, int httpStatus, SoExceptionInfo exceptionInfo) {
        super(operation, endpointHost, "service error (HTTP " + httpStatus + "): " + describe(exceptionInfo), null);
        this.exceptionInfo = exceptionInfo;
        this.fault = null;
        this.httpStatus = httpStatus;
    }

    /** An error reported as a SOAP Fault. */
    public BatchServiceException(String operation, String endpointHost, int httpStatus, SoapFault fault) {
        super(operation, endpointHost, "SOAP fault (HTTP " + httpStatus + ") " + fault.codeText() + ": "
                + Excerpts.oneLine(fault.reason(), 300), null);
        this.exceptionInfo = null;
        this.fault = fault;
        this.httpStatus = httpStatus;
    }

    private static String describe(SoExceptionInfo info) {
        if (info == null) {
            return "Succeeded=false without exception info";
        }
        String type = info.exceptionType() == null ? "" : " [" + info.exceptionType() + "]";
        return Excerpts.oneLine(text(info), 300) + type;
    }

    private static String text(SoExceptionInfo info) {
        if (info.friendlyText() != null && !info.friendlyText().isBlank()) {
            return info.friendlyText();
        }
        return info.message() == null ? "" : info.message();
    }

    /** The {@code ExceptionInfo} header, when the error came that way. */
    public Optional<SoExceptionInfo> exceptionInfo() {
        return Optional.ofNullable(exceptionInfo);
    }

    /** The SOAP Fault, when the error came that way. */
    public Optional<SoapFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** The HTTP status of the response (200 for header-reported errors, usually 500 for faults). */
    public int httpStatus() {
        return httpStatus;
    }

    /** What the service said: FriendlyText when present, else Message, else the faultstring. */
    public String serviceMessage() {
        if (exceptionInfo != null) {
            return text(exceptionInfo);
        }
        return fault == null ? "" : fault.reason();
    }
}
