package dev.sobatch.examples.webflux;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps sobatch failures to RFC 9457 problem details: the service refused (502 with its message), it did not
 * answer in time (504), or no usable answer came back (502). The messages never carry the ticket.
 */
@RestControllerAdvice
public class BatchErrors {

    @ExceptionHandler(BatchException.class)
    public ProblemDetail batchFailure(BatchException e) {
        HttpStatus status = e instanceof BatchTimeoutException ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        String detail = e instanceof BatchServiceException service ? service.serviceMessage() : e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Batch.svc " + e.operation() + " failed");
        problem.setProperty("operation", e.operation());
        problem.setProperty("kind", e.getClass().getSimpleName());
        return problem;
    }
}
