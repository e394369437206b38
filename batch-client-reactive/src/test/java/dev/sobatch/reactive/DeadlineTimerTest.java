package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

class DeadlineTimerTest {

    @Test
    void onReactorsOwnParallelSchedulerADeadlineFiresOnTheWheelsThread() throws Exception {
        Scheduler clock = Schedulers.parallel();
        CompletableFuture<String> firedOn = new CompletableFuture<>();

        DeadlineTimer.schedule(clock, () -> firedOn.complete(Thread.currentThread().getName()),
                clock.now(TimeUnit.NANOSECONDS) + Duration.ofMillis(30).toNanos());

        assertThat(firedOn.get(10, TimeUnit.SECONDS)).isEqualTo("sobatch-deadlines");
    }

    @Test
    void aDisposedDeadlineNeverFires() throws Exception {
        Scheduler clock = Schedulers.parallel();
        AtomicBoolean fired = new AtomicBoolean();
        CompletableFuture<Void> later = new CompletableFuture<>();

        Disposable d = DeadlineTimer.schedule(clock, () -> fired.set(true),
                clock.now(TimeUnit.NANOSECONDS) + Duration.ofMillis(50).toNanos());
        d.dispose();
        DeadlineTimer.schedule(clock, () -> later.complete(null),
                clock.now(TimeUnit.NANOSECONDS) + Duration.ofMillis(150).toNanos());

        later.get(10, TimeUnit.SECONDS); // well past the first deadline
        assertThat(fired).isFalse();
    }

    @Test
    void underVirtualTimeADeadlineWaitsForTheVirtualClock() {
        VirtualTimeScheduler virtual = VirtualTimeScheduler.getOrSet();
        try {
            Scheduler clock = Schedulers.parallel();
            AtomicBoolean fired = new AtomicBoolean();

            DeadlineTimer.schedule(clock, () -> fired.set(true),
                    clock.now(TimeUnit.NANOSECONDS) + Duration.ofHours(1).toNanos());

            assertThat(virtual.getScheduledTaskCount()).isEqualTo(1);
            virtual.advanceTimeBy(Duration.ofMinutes(59));
            assertThat(fired).isFalse();
            virtual.advanceTimeBy(Duration.ofMinutes(1));
            assertThat(fired).isTrue();
        } finally {
            VirtualTimeScheduler.reset();
        }
    }
}
