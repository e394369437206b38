package dev.sobatch.reactive;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where a call's deadline and an attempt's response timeout wait. Almost every call ends long before
 * either, so these timers are mostly set and cancelled: on Reactor's parallel scheduler that takes a lock and
 * a heap insert and removal per call, and wakes a scheduler thread whenever the new deadline is the earliest
 * one (at one call in flight, every call). A hashed wheel (Netty's, one per JVM, ticking every
 * {@value #TICK_MILLIS} ms on its own daemon thread) sets and cancels with a lock-free queue each, at the
 * price of firing up to a tick late.
 *
 * <p>Deadlines use the wheel only while {@link Schedulers#parallel()} is Reactor's own parallel scheduler:
 * when it has been replaced (by reactor-test's virtual time, or an application's scheduler factory), they run
 * on it, as before. Response timeouts are real time, always on the wheel.
 */
final class DeadlineTimer {
    static final long TICK_MILLIS = 10;
    private static final String REACTOR_PARALLEL = "reactor.core.scheduler.ParallelScheduler";
    private static final HashedWheelTimer WHEEL = new HashedWheelTimer(DeadlineTimer::newThread, TICK_MILLIS,
            TimeUnit.MILLISECONDS, 512, false);

    private DeadlineTimer() {
    }

    /**
     * Starts the wheel's thread, which the first {@code newTimeout} would otherwise do while waiting for the
     * thread to come up: called where blocking is allowed (a client's builder), never on an event loop.
     */
    static void start() {
        WHEEL.start();
    }

    /** Runs {@code task} once {@code timer}'s clock reaches {@code due} (nanoseconds), unless disposed first. */
    static Disposable schedule(Scheduler timer, Runnable task, long due) {
        long delay = Math.max(0, due - timer.now(TimeUnit.NANOSECONDS));
        if (!isReactorsParallel(timer)) {
            return timer.schedule(task, delay, TimeUnit.NANOSECONDS);
        }
        return after(delay, task);
    }

    /** Runs {@code task} after {@code nanos} of real time (on the wheel), unless disposed first: response timeouts. */
    static Disposable after(long nanos, Runnable task) {
        Timeout timeout = WHEEL.newTimeout(t -> task.run(), nanos, TimeUnit.NANOSECONDS);
        return timeout::cancel;
    }

    /** The answer for the scheduler asked about last: {@link Schedulers#parallel()} is one instance until replaced. */
    private record Checked(Scheduler scheduler, boolean reactors) {
    }

    private static volatile Checked last = new Checked(null, false);

    private static boolean isReactorsParallel(Scheduler timer) {
        Checked c = last;
        if (c.scheduler() != timer) {
            Scheduler actual = timer instanceof Supplier<?> cached && cached.get() instanceof Scheduler s ? s : timer;
            c = new Checked(timer, actual.getClass().getName().equals(REACTOR_PARALLEL));
            last = c;
        }
        return c.reactors();
    }

    private static Thread newThread(Runnable r) {
        Thread t = new Thread(r, "sobatch-deadlines");
        t.setDaemon(true);
        return t;
    }
}
