package dev.sobatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time the simulator's tasks live in. Task state is computed from this clock whenever a task is read,
 * so a {@linkplain #manual() manual} clock gives tests full control: nothing moves until
 * {@link #advance(Duration)} is called.
 */
public abstract class SimulatorClock {

    SimulatorClock() {
    }

    /** The wall clock. */
    public static SimulatorClock system() {
        return SystemClock.INSTANCE;
    }

    /** A clock that stands still at the current second until advanced. */
    public static SimulatorClock manual() {
        return manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A clock that stands still at {@code start} until advanced. */
    public static SimulatorClock manual(Instant start) {
        return new ManualClock(start);
    }

    /** The current instant. */
    public abstract Instant now();

    /** Whether this clock only moves when told to. */
    public abstract boolean isManual();

    /**
     * Moves a manual clock forward, and with it every task.
     *
     * @throws IllegalStateException for the system clock
     * @throws IllegalArgumentException for a negative duration
     */
    public abstract void advance(Duration duration);

    private static final class SystemClock extends SimulatorClock {
        static final SystemClock INSTANCE = new SystemClock();

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public boolean isManual() {
            return false;
        }

        @Override
        public void advance(Duration duration) {
            throw new IllegalStateException("the system clock cannot be advanced; configure manualClock()");
        }

        @Override
        public String toString() {
            return "SimulatorClock[system]";
        }
    }

    private static final class ManualClock extends SimulatorClock {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
        }

        @Override
        public Instant now() {
            return now.get();
        }

        @Override
        public boolean isManual() {
            return true;
        }

        @Override
        public void advance(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("cannot go back in time: " + duration);
            }
            now.updateAndGet(t -> t.plus(duration));
        }

        @Override
        public String toString() {
            return "SimulatorClock[manual, " + now.get() + "]";
        }
    }
}
