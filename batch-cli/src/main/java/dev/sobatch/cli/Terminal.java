package dev.sobatch.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person at a terminal. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 on System.console() is non-null even when redirected; Console.isTerminal() tells the truth there.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException olderJava) {
            return true;
        }
    }
}
