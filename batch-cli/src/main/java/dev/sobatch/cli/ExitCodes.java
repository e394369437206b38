package dev.sobatch.cli;

/** The exit statuses of the {@code sobatch} command; scripts depend on them, so they never change meaning. */
public final class ExitCodes {
    /** The command did what was asked ({@code start --wait}: the job ended Succeeded or SucceededManualCleanup). */
    public static final int OK = 0;
    /** A bug or an environment problem the tool did not anticipate; stderr carries the details. */
    public static final int INTERNAL = 1;
    /** The command line was wrong: unknown option, missing value, malformed duration or parameter. */
    public static final int USAGE = 2;
    /** The service answered with an error (SOAP Fault, Succeeded=false, ExceptionInfo, or no such task). */
    public static final int SERVICE = 3;
    /** No usable answer: transport failure, deadline passed, malformed response, or {@code --wait-timeout}. */
    public static final int NO_ANSWER = 4;
    /** {@code start --wait} only: the job ended in the Failed state. */
    public static final int JOB_FAILED = 5;

    private ExitCodes() {
    }
}
