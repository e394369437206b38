package dev.sobatch.blocking;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for one reactive call on the calling thread. This is the whole blocking layer: every
 * {@link BatchClient} method is a call to {@link #await} or {@link #awaitList}.
 *
 * <p>It uses {@link Mono#toFuture()} rather than {@code block()}: {@code block()} wraps an interrupt in
 * Reactor's {@code ReactiveException} and clears the interrupt flag, while a future lets us cancel the
 * subscription, keep the flag and choose the exception.
 *
 * <p>There is no timeout here on purpose: the reactive call carries the client's deadline, and a second,
 * different clock in this layer would only disagree with it.
 */
final class Blocking {
    private Blocking() {
    }

    /**
     * Runs the call and waits for its value ({@code null} when the Mono completes empty).
     *
     * @param operation named in the exceptions this layer makes itself
     * @param call made only after the thread checks pass, so nothing is sent when they fail
     */
    static <T> T await(String operation, Supplier<? extends Mono<T>> call) {
        requireBlockingAllowed(operation);
        if (Thread.currentThread().isInterrupted()) {
            throw new BatchInterruptedException(operation, false, new InterruptedException());
        }
        CompletableFuture<T> future = call.get().toFuture();
        try {
            return future.get();
        } catch (InterruptedException e) {
            // Cancelling the future cancels the subscription: the exchange is aborted and its connection closed.
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new BatchInterruptedException(operation, true, e);
        } catch (ExecutionException e) {
            throw withCallerStack(unwrap(e.getCause(), operation));
        } catch (CancellationException e) {
            throw withCallerStack(new IllegalStateException(operation + " was cancelled", e));
        }
    }

    /** Runs a query and collects its tasks. */
    static <T> List<T> awaitList(String operation, Supplier<? extends Flux<T>> call) {
        return await(operation, () -> call.get().collectList());
    }

    /** Like {@link #await} for calls that must produce a value. */
    static <T> T awaitValue(String operation, Supplier<? extends Mono<T>> call) {
        T value = await(operation, call);
        if (value == null) {
            throw withCallerStack(new IllegalStateException(operation + " completed without a value"));
        }
        return value;
    }

    private static void requireBlockingAllowed(String operation) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("BatchClient cannot run " + operation + " on thread '"
                    + Thread.currentThread().getName() + "': it is a non-blocking (Reactor or Netty event loop) "
                    + "thread, and blocking it would stall every call it serves. Use BatchClient.reactive() there, "
                    + "or move the blocking call to Schedulers.boundedElastic().");
        }
    }

    /** Strips Reactor's wrappers so callers see the client's own exception type. */
    private static RuntimeException unwrap(Throwable failure, String operation) {
        Throwable cause = Exceptions.unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(operation + " failed: " + cause, cause);
    }

    /**
     * The failure was made on an event-loop thread, so its stack says nothing about who called. Adds, as a
     * suppressed exception, where this thread called from; at most once per exception instance, so an
     * instance thrown again and again does not grow without bound.
     */
    private static RuntimeException withCallerStack(RuntimeException failure) {
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof CallerStack) {
                return failure;
            }
        }
        failure.addSuppressed(new CallerStack());
        return failure;
    }

    /** Carries the blocking caller's stack; never thrown on its own. */
    static final class CallerStack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerStack() {
            super("BatchClient was called from thread '" + Thread.currentThread().getName() + "'", null, false,
                    true);
            StackTraceElement[] stack = getStackTrace();
            int first = 0;
            while (first < stack.length && stack[first].getClassName().startsWith(Blocking.class.getName())) {
                first++;
            }
            setStackTrace(Arrays.copyOfRange(stack, first, stack.length));
        }
    }
}
