package dev.sobatch.cli;

import dev.sobatch.model.BatchTaskInfo;
import java.io.PrintStream;

/**
 * Shows a job's progress on stderr: one line redrawn in place on a terminal, one line per change otherwise
 * (so logs and CI output stay readable).
 */
final class Progress {

    private final PrintStream err;
    private final boolean redraw;
    private int lastWidth;

    Progress(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    synchronized void show(BatchTaskInfo task) {
        String line = TaskText.progress(task);
        if (redraw) {
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the redrawn line so later output starts on a fresh one. */
    synchronized void done() {
        if (redraw && lastWidth > 0) {
            err.println();
            err.flush();
            lastWidth = 0;
        }
    }
}
