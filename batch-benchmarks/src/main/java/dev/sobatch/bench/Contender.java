package dev.sobatch.bench;

import reactor.core.publisher.Mono;

/** One way of making the benchmark's call; either non-blocking ({@link #async}) or from threads ({@link #blocking}). */
interface Contender extends AutoCloseable {

    /** A contender whose call is a {@link Mono}: driven by a fixed number of in-flight subscriptions. */
    interface Async extends Contender {
        Mono<?> call();
    }

    /** A contender whose call blocks: driven by one thread per call in flight. */
    interface Blocking extends Contender {
        /** Makes one call; the result is checked, so a wrong answer fails the run. */
        void call() throws Exception;
    }

    /** Whether the contender runs on platform threads (one per call in flight). */
    default boolean usesThreads() {
        return this instanceof Blocking;
    }

    @Override
    default void close() throws Exception {
    }

    static void expect(int actual) {
        if (actual < Payloads.STARTED_ID || actual >= Payloads.STARTED_ID + Payloads.ID_COUNT) {
            throw new IllegalStateException("wrong answer " + actual + ", expected a seven-digit id from "
                    + Payloads.STARTED_ID);
        }
    }
}
