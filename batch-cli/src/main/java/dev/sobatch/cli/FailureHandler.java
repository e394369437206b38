package dev.sobatch.cli;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import reactor.core.Exceptions;

/**
 * Turns a failed command into one line on stderr and an exit code: 3 when the service said no, 4 when no
 * usable answer came back, 1 for anything unforeseen. Stdout stays untouched so {@code --json} readers see
 * no partial document.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private final CliContext context;

    FailureHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable failure = Exceptions.unwrap(ex);
        PrintStream err = context.err();
        if (failure instanceof CliFailure cli) {
            err.println("sobatch: " + cli.getMessage());
            return cli.exitCode();
        }
        if (failure instanceof BatchException batch) {
            err.println("sobatch: " + describe(batch));
            return batch instanceof BatchServiceException ? ExitCodes.SERVICE : ExitCodes.NO_ANSWER;
        }
        err.println("sobatch: internal error: " + failure);
        if (context.verbose()) {
            failure.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for details.");
        }
        return ExitCodes.INTERNAL;
    }

    static String describe(BatchException ex) {
        String operation = ex.operation() == null ? "the call" : ex.operation();
        if (ex instanceof BatchServiceException service) {
            return operation + " failed: the service answered with an error: " + service.serviceMessage();
        }
        if (ex instanceof BatchTimeoutException) {
            return operation + " got no answer in time (timeout): " + ex.getMessage();
        }
        if (ex instanceof BatchTransportException) {
            return operation + " got no answer (transport failure): " + ex.getMessage();
        }
        if (ex instanceof BatchResponseException) {
            return operation + " got an unusable answer (malformed response): " + ex.getMessage();
        }
        return operation + " failed: " + ex.getMessage();
    }
}
