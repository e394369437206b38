package dev.sobatch.cli;

import java.time.Duration;

/** Prints a duration the way it is typed on the command line. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
