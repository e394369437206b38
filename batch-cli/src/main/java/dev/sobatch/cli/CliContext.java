package dev.sobatch.cli;

import java.io.PrintStream;
import java.util.Map;

/** What one run of the tool sees of the outside world: its environment and its two output streams. */
final class CliContext {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private boolean verbose;

    CliContext(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The variable's value, or null when it is unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    /** Whether progress may redraw one line in place: only on an interactive terminal's own stderr. */
    boolean interactiveErr() {
        return err == System.err && Terminal.isInteractive();
    }
}
