package dev.sobatch.simulator;

import dev.sobatch.model.SoExceptionInfo;

/**
 * An application error the simulated service reports as HTTP 200, {@code Succeeded=false} and this
 * {@code ExceptionInfo}, as NetServer does. Control flow only: no stack trace.
 */
final class ServiceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SoExceptionInfo info;

    ServiceFailure(String exceptionType, String message) {
        super(message, null, false, false);
        this.info = SoExceptionInfo.builder().exceptionType(exceptionType).message(message).friendlyText(message)
                .source("SuperOffice.Services88").build();
    }

    static ServiceFailure security(String message) {
        return new ServiceFailure("SoSecurityException", message);
    }

    static ServiceFailure argument(String message) {
        return new ServiceFailure("ArgumentException", message);
    }

    SoExceptionInfo info() {
        return info;
    }
}
