package dev.sobatch.cli;

import dev.sobatch.soap.SoapVersion;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code sobatch} root command: global options shared by every sub-command. */
@Command(name = "sobatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Starts, watches, lists, stops and deletes SuperOffice NetServer batch jobs through Batch.svc.",
            "",
            "Without --endpoint and SOBATCH_ENDPOINT an embedded Batch.svc simulator is started, so every "
                    + "command can be tried without a server."
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  SOBATCH_ENDPOINT   Batch.svc URL (or site URL) when --endpoint is not given",
            "  SOBATCH_TICKET     ticket sent in the Credentials header",
            "  SOBATCH_APP_TOKEN  application token (required by SuperOffice Online)",
            "  SOBATCH_USERNAME   with SOBATCH_PASSWORD: log in through SoPrincipal.svc",
            "                     when SOBATCH_TICKET is unset",
            "",
            "Exit codes:",
            "  0  success (start --wait: the job ended Succeeded/SucceededManualCleanup)",
            "  1  internal error",
            "  2  usage error",
            "  3  the service answered with an error (fault, ExceptionInfo, no such task)",
            "  4  no usable answer: transport failure, timeout, malformed response,",
            "     or --wait-timeout passed",
            "  5  start --wait: the job ended Failed"
        },
        subcommands = {StartCommand.class, GetCommand.class, ListCommand.class, StopCommand.class,
            DeleteCommand.class})
final class SobatchCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Batch.svc address (full URL, or a site base URL). Default: $SOBATCH_ENDPOINT, "
                    + "else an embedded simulator.")
    String endpoint;

    @Option(names = "--ticket", paramLabel = "TICKET", hidden = true,
            description = "Credentials ticket (prefer $SOBATCH_TICKET: options are visible to other users).")
    String ticket;

    @Option(names = "--app-token", paramLabel = "TOKEN", hidden = true,
            description = "Application token (prefer $SOBATCH_APP_TOKEN).")
    String applicationToken;

    @Option(names = "--soap-version", paramLabel = "1.1|1.2", converter = SoapVersionConverter.class,
            defaultValue = "1.1", description = "SOAP version to speak (default: ${DEFAULT-VALUE}).")
    SoapVersion soapVersion;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s",
            description = "Deadline of each service call, retries and backoff included, e.g. 500ms, 2s, 1m, PT2S "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Attempts per call, the first included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--retry-unsafe",
            description = "Also re-send StartBatchJob/UpdateBatchTask after a failure whose outcome is unknown "
                    + "(may start a job twice).")
    boolean retryUnsafe;

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Option(names = "--verbose",
            description = "Log each HTTP exchange to stderr (ticket and application token redacted).")
    void verbose(boolean verbose) {
        context.verbose(verbose);
    }

    SobatchCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** Connects as the global options say; the caller closes the session. */
    ClientSession openSession() {
        if (maxAttempts < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-attempts must be at least 1, was " + maxAttempts);
        }
        Logging.configure(context.verbose());
        return ClientSession.open(this);
    }

    Output output() {
        return new Output(context.out(), json);
    }

    @Override
    public Integer call() {
        context.err().println("sobatch: missing command (start, get, list, stop, delete)");
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
