package dev.sobatch.reactive;

import dev.sobatch.client.BatchTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Bounds a logical call by its deadline: one timer per call ({@link DeadlineTimer}; the clock is
 * {@link Schedulers#parallel()}'s, looked up on subscription, so virtual time applies), and the deadline in
 * the subscriber context as {@link RetryStep#DEADLINE} for the retry step. A hand-written operator rather than
 * {@code timeout(...).onErrorMap(...).contextWrite(...)}: those cost three operators, a {@code Mono.delay}
 * and a description string (built by walking the operator chain) on every call.
 */
final class Deadline<T> extends Mono<T> {
    private final Mono<T> source;
    private final Duration deadline;
    private final String operation;
    private final String host;

    Deadline(Mono<T> source, Duration deadline, String operation, String host) {
        this.source = source;
        this.deadline = deadline;
        this.operation = operation;
        this.host = host;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Scheduler timer = Schedulers.parallel();
        long due = timer.now(TimeUnit.NANOSECONDS) + deadline.toNanos();
        source.subscribe(new DeadlineSubscriber<>(actual, this, timer, due));
    }

    BatchTimeoutException timeoutError() {
        String detail = "no answer within the deadline of " + deadline.toMillis() + " ms (retries included)";
        return new BatchTimeoutException(operation, host, detail, new TimeoutException(detail));
    }

    static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {
        private static final int ACTIVE = 0;
        private static final int DONE = 1;
        private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE =
                AtomicIntegerFieldUpdater.newUpdater(DeadlineSubscriber.class, "state");
        @SuppressWarnings("rawtypes")
        private static final AtomicReferenceFieldUpdater<DeadlineSubscriber, Disposable> TASK =
                AtomicReferenceFieldUpdater.newUpdater(DeadlineSubscriber.class, Disposable.class, "task");
        private static final Disposable CANCELLED = Disposables.disposed();

        private final CoreSubscriber<? super T> actual;
        private final Deadline<T> parent;
        private final Scheduler timer;
        private final long due;
        private Context context;
        private Subscription upstream;
        private volatile int state;
        private volatile Disposable task;

        DeadlineSubscriber(CoreSubscriber<? super T> actual, Deadline<T> parent, Scheduler timer, long due) {
            this.actual = actual;
            this.parent = parent;
            this.timer = timer;
            this.due = due;
        }

        /** The caller's context plus the deadline; a call nested in another ends with the outer one at the latest. */
        @Override
        public Context currentContext() {
            Context c = context;
            if (c == null) {
                Context outer = actual.currentContext();
                long outerDue = outer.<Long>getOrDefault(RetryStep.DEADLINE, Long.MAX_VALUE);
                c = outer.put(RetryStep.DEADLINE, Math.min(due, outerDue));
                context = c;
            }
            return c;
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this); // first: the timer must not signal before the subscriber knows us
                if (state != ACTIVE) {
                    return; // answered (or cancelled) synchronously
                }
                Disposable t;
                try {
                    t = DeadlineTimer.schedule(timer, this, due);
                } catch (RejectedExecutionException e) {
                    if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                        s.cancel();
                        actual.onError(e);
                    }
                    return;
                }
                if (!TASK.compareAndSet(this, null, t)) {
                    t.dispose(); // the call ended meanwhile
                }
            }
        }

        /** The deadline passed. */
        @Override
        public void run() {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                upstream.cancel();
                actual.onError(parent.timeoutError());
            }
        }

        @Override
        public void onNext(T value) {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                stopTimer();
                actual.onNext(value);
                actual.onComplete();
            } else {
                Operators.onDiscard(value, currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                stopTimer();
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                stopTimer();
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                stopTimer();
                upstream.cancel();
            }
        }

        private void stopTimer() {
            Disposable t = TASK.getAndSet(this, CANCELLED);
            if (t != null && t != CANCELLED) {
                t.dispose();
            }
        }
    }
}
