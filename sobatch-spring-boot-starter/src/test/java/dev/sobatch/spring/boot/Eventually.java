package dev.sobatch.spring.boot;

import java.time.Duration;

/**
 * Test helper for effects recorded just after a call returns: metrics and observations are stopped in a
 * {@code doFinally}, which runs after the value reached the caller. The bound only guards against a hang.
 */
final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Eventually() {
    }

    static void assertThat(Runnable assertion) {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
