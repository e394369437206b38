package dev.sobatch.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The waiting layer on its own, with publishers whose behaviour the test controls exactly. */
class BlockingTest {

    @Test
    void reactorsPropagateWrapperIsRemoved() {
        IllegalArgumentException original = new IllegalArgumentException("bad");
        Throwable thrown = catchThrowable(() -> Blocking.await("Op",
                () -> Mono.error(Exceptions.propagate(original)).subscribeOn(Schedulers.boundedElastic())));

        assertThat(thrown).isSameAs(original);
    }

    @Test
    void aCheckedFailureBecomesIllegalStateExceptionNamingTheOperation() {
        IOException checked = new IOException("disk");
        Throwable thrown = catchThrowable(() -> Blocking.await("Op", () -> Mono.error(checked)));

        assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasCause(checked)
                .hasMessageContaining("Op");
    }

    @Test
    void theCallerStackIsAddedOnlyOnceToAnExceptionThrownRepeatedly() {
        IllegalStateException shared = new IllegalStateException("closed");
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> Blocking.await("Op", () -> Mono.error(shared)));
        }

        assertThat(shared.getSuppressed()).hasSize(1).allSatisfy(s -> assertThat(s)
                .isInstanceOf(Blocking.CallerStack.class));
        assertThat(shared.getSuppressed()[0].getStackTrace()[0].getClassName())
                .isNotEqualTo(Blocking.class.getName());
    }

    @Test
    void anEmptyMonoIsNullForAwaitAndAnErrorForAwaitValue() {
        assertThat(Blocking.<String>await("Op", Mono::empty)).isNull();
        assertThat(catchThrowable(() -> Blocking.awaitValue("Op", Mono::empty)))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("Op completed without a value");
    }

    @Test
    void awaitListCollectsInOrder() {
        assertThat(Blocking.awaitList("Op", () -> Flux.just(3, 1, 2).delayElements(Duration.ofMillis(5))))
                .isEqualTo(List.of(3, 1, 2));
    }

    @Test
    void anInterruptCancelsTheSubscription() throws Exception {
        CountDownLatch subscribed = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> thrown.set(catchThrowable(() -> Blocking.await("Op",
                () -> Mono.never().doOnSubscribe(s -> subscribed.countDown()).doOnCancel(() -> cancelled.set(true))))));
        caller.start();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isExactlyInstanceOf(BatchInterruptedException.class);
        assertThat(cancelled).isTrue();
    }

    @Test
    void theThreadCheckRunsBeforeTheCallIsMade() {
        AtomicInteger made = new AtomicInteger();
        Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> Blocking.await("Op", () -> {
            made.incrementAndGet();
            return Mono.just(1);
        })).subscribeOn(Schedulers.single()).block(Duration.ofSeconds(10)));

        assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(made).hasValue(0);
    }
}
