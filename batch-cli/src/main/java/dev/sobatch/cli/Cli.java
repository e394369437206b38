package dev.sobatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Entry point of the {@code sobatch} command-line tool.
 *
 * <p>{@link #run} is the whole program without the process around it: tests call it in-process with their
 * own environment and streams, {@link #main} calls it with the real ones and exits with its result.
 */
public final class Cli {

    private Cli() {
    }

    /** Runs the tool and terminates the JVM with its exit code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs one {@code sobatch} command.
     *
     * @param args the command line, global options first
     * @param env  the environment to read {@code SOBATCH_*} variables from
     * @param out  receives results only (ids, states, tasks, JSON)
     * @param err  receives errors, progress and notices
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        CliContext context = new CliContext(Map.copyOf(env), out, err);
        CommandLine cli = new CommandLine(new SobatchCommand(context));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExecutionExceptionHandler(new FailureHandler(context));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
