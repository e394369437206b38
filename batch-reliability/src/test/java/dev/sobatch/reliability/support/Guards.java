package dev.sobatch.reliability.support;

import dev.sobatch.testing.BlockHoundExtension;
import dev.sobatch.testing.LeakDetectionExtension;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the shared guards of batch-test-support once per test JVM, before any test class loads Netty (a
 * {@link LauncherSessionListener} registered in META-INF/services): the recording leak detector factory,
 * which must be in place before Netty creates its buffer leak detector, and BlockHound. Jupiter tests are
 * checked by {@link BlockHoundExtension} and {@link LeakDetectionExtension} (auto-detected); the jqwik
 * properties, which no Jupiter extension sees, read the records through here.
 */
public final class Guards implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    /** Idempotent; also for the jqwik properties, in case a runner skipped the session listener. */
    public static void install() {
        LeakDetectionExtension.install();
        BlockHoundExtension.install();
    }

    /** Leak reports recorded so far (without the ones self-tests provoke on purpose). */
    public static List<String> leaks() {
        return LeakDetectionExtension.recordedLeaks();
    }

    /** Blocking calls on non-blocking threads recorded so far (without the ones self-tests provoke on purpose). */
    public static List<String> blockingCalls() {
        return BlockHoundExtension.recordedCalls();
    }

    /** Lets the leak detector see garbage (collects and allocates a few rounds), then returns {@link #leaks()}. */
    public static List<String> collectLeaks() {
        return LeakDetectionExtension.collectLeaks();
    }
}
