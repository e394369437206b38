package dev.sobatch.reactive;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.DeleteBatchTask;
import dev.sobatch.model.message.DeleteBatchTasks;
import dev.sobatch.model.message.GetAllBatchTaskInfosByName;
import dev.sobatch.model.message.GetAllBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociatesAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByName;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.soap.BatchOperation;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * A non-blocking client for SuperOffice NetServer's {@code Remote/Services88/Batch.svc}, on Reactor Netty.
 * Made by {@link #builder()}; immutable and thread-safe once built; share one instance per endpoint.
 *
 * <p><b>Lazy calls.</b> Every method returns a cold publisher: nothing is sent before subscription, and each
 * subscription is one logical call (ticket, attempts, retries, all within the {@linkplain
 * ReactiveBatchClientBuilder#deadline deadline}). Cancelling the subscription aborts the exchange in flight and
 * gives its connection back (closing it when a response was still pending).
 *
 * <p><b>Errors.</b> Every failure of the exchange is a {@link BatchException}: a
 * {@link dev.sobatch.client.BatchServiceException} when the service refused the request (SOAP Fault,
 * {@code Succeeded=false} or an {@code ExceptionInfo}), a {@link dev.sobatch.client.BatchTransportException}
 * for connect/reset/TLS problems and HTTP error pages, a {@link dev.sobatch.client.BatchTimeoutException} when
 * the deadline passed, and a {@link BatchResponseException} for answers that cannot be read. Which failures
 * are retried is described on {@link dev.sobatch.client.RetryPolicy}. Calls on a {@linkplain #close() closed}
 * client fail with an {@link IllegalStateException}; an error of the {@link dev.sobatch.client.TicketSource}
 * reaches the caller as it is.
 *
 * <p><b>Why queries return {@code Flux<BatchTaskInfo>}.</b> A {@code Flux} composes with the rest of a reactive
 * pipeline ({@code filter}, {@code flatMap} into further calls) and streams straight into a WebFlux response
 * without collecting first. It is not incremental on the wire: the service answers with one SOAP message,
 * which the client reads once, in full (within the response size limit), decodes, and then emits element by
 * element. Use {@code collectList()} when a list is what you need.
 */
public final class ReactiveBatchClient implements AutoCloseable {
    private final ClientRuntime runtime;

    ReactiveBatchClient(ReactiveBatchClientBuilder builder) {
        this.runtime = ClientRuntime.create(builder);
    }

    /** A builder with the defaults described on its methods. */
    public static ReactiveBatchClientBuilder builder() {
        return new ReactiveBatchClientBuilder();
    }

    /** The Batch.svc URL this client calls. */
    public URI endpoint() {
        return runtime.endpoint();
    }

    // ------------------------------------------------------------------ single tasks

    /**
     * Creates and starts a batch task; emits the new task's id. Not idempotent: under the default policy it
     * is not re-sent once the request may have reached the service.
     */
    public Mono<Integer> startBatchJob(BatchTaskInfo info) {
        Objects.requireNonNull(info, "info");
        return runtime.call(BatchOperation.START_BATCH_JOB, StartBatchJob.of(info), IntResponse.class)
                .handle((r, sink) -> required(BatchOperation.START_BATCH_JOB, r.value(), sink));
    }

    /** The task with this id; completes empty when the service answers nil (no such task). */
    public Mono<BatchTaskInfo> getBatchTaskInfo(int id) {
        return runtime.call(BatchOperation.GET_BATCH_TASK_INFO, GetBatchTaskInfo.of(id), BatchTaskInfoResponse.class)
                .flatMap(r -> Mono.justOrEmpty(r.value()));
    }

    /** Asks the service to stop the task; emits whether it did. */
    public Mono<Boolean> stopBatchJob(int id) {
        return runtime.call(BatchOperation.STOP_BATCH_JOB, StopBatchJob.of(id), BooleanResponse.class)
                .handle((r, sink) -> required(BatchOperation.STOP_BATCH_JOB, r.value(), sink));
    }

    /** Updates a task (its id identifies it); emits the task as the service stored it. Not idempotent. */
    public Mono<BatchTaskInfo> updateBatchTask(BatchTaskInfo info) {
        Objects.requireNonNull(info, "info");
        return runtime.call(BatchOperation.UPDATE_BATCH_TASK, UpdateBatchTask.of(info), BatchTaskInfoResponse.class)
                .handle((r, sink) -> required(BatchOperation.UPDATE_BATCH_TASK, r.value(), sink));
    }

    /** Deletes a task. */
    public Mono<Void> deleteBatchTask(int id) {
        return runtime.call(BatchOperation.DELETE_BATCH_TASK, DeleteBatchTask.of(id), Object.class).then();
    }

    /** Deletes several tasks in one request. */
    public Mono<Void> deleteBatchTasks(Collection<Integer> ids) {
        ArrayOfint array = ints(ids, "ids");
        return runtime.call(BatchOperation.DELETE_BATCH_TASKS, DeleteBatchTasks.of(array), Object.class).then();
    }

    // ------------------------------------------------------------------ queries

    /** Tasks in this state. See the class comment for why queries are a {@code Flux}. */
    public Flux<BatchTaskInfo> getBatchTaskInfosByState(BatchTaskState state) {
        return query(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, GetBatchTaskInfosByState.of(state(state)));
    }

    /** Tasks owned by these associates. */
    public Flux<BatchTaskInfo> getBatchTaskInfosByAssociates(Collection<Integer> associateIds) {
        return query(BatchOperation.GET_BATCH_TASK_INFOS_BY_ASSOCIATES,
                GetBatchTaskInfosByAssociates.of(ints(associateIds, "associateIds")));
    }

    /** Tasks with this name in this state. */
    public Flux<BatchTaskInfo> getBatchTaskInfosByNameAndState(String name, BatchTaskState state) {
        return query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetBatchTaskInfosByNameAndState.of(text(name, "name"), state(state)));
    }

    /** Tasks with this name owned by these associates. */
    public Flux<BatchTaskInfo> getBatchTaskInfosByNameAndAssociates(String name, Collection<Integer> associateIds) {
        return query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES,
                GetBatchTaskInfosByNameAndAssociates.of(text(name, "name"), ints(associateIds, "associateIds")));
    }

    /** Tasks owned by these associates in this state. */
    public Flux<BatchTaskInfo> getBatchTaskInfosByAssociatesAndState(Collection<Integer> associateIds,
            BatchTaskState state) {
        return query(BatchOperation.GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE,
                GetBatchTaskInfosByAssociatesAndState.of(ints(associateIds, "associateIds"), state(state)));
    }

    /** All tasks (of every associate) with this task name. */
    public Flux<BatchTaskInfo> getAllBatchTaskInfosByName(String taskName) {
        return query(BatchOperation.GET_ALL_BATCH_TASK_INFOS_BY_NAME,
                GetAllBatchTaskInfosByName.of(text(taskName, "taskName")));
    }

    /** All tasks with this task name in this state. */
    public Flux<BatchTaskInfo> getAllBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        return query(BatchOperation.GET_ALL_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetAllBatchTaskInfosByNameAndState.of(text(taskName, "taskName"), state(state)));
    }

    /** System tasks with this task name. */
    public Flux<BatchTaskInfo> getSystemBatchTaskInfosByName(String taskName) {
        return query(BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME,
                GetSystemBatchTaskInfosByName.of(text(taskName, "taskName")));
    }

    /** System tasks with this task name in this state. */
    public Flux<BatchTaskInfo> getSystemBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        return query(BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetSystemBatchTaskInfosByNameAndState.of(text(taskName, "taskName"), state(state)));
    }

    // ------------------------------------------------------------------ beyond the wire

    /**
     * Polls GetBatchTaskInfo every {@code pollInterval}: emits the first answer, then each answer whose
     * state, progress or progress text differs from the previous one, and completes after emitting a
     * terminal state ({@link BatchTaskState#isTerminal()}). Fails with a {@link BatchResponseException} when
     * the task does not exist; each poll is a full logical call with its own retries and deadline.
     */
    public Flux<BatchTaskInfo> watch(int id, Duration pollInterval) {
        Duration poll = positive(pollInterval, "pollInterval");
        return runtime.whileOpen(() -> Watcher.watch(this, id, poll));
    }

    /** Starts a job and emits the task once it reached a terminal state (polling every {@code pollInterval}). */
    public Mono<BatchTaskInfo> startAndAwait(BatchTaskInfo info, Duration pollInterval) {
        Objects.requireNonNull(info, "info");
        Duration poll = positive(pollInterval, "pollInterval");
        return runtime.whileOpen(() -> startBatchJob(info).flatMap(id -> watch(id, poll).last()).flux()).single();
    }

    /**
     * Starts one job per input with at most {@code concurrency} calls in flight; emits one {@link StartResult}
     * per input (in completion order), carrying the input and the new id or the {@link BatchException}.
     * A failed start does not stop the others; other errors (e.g. from the input publisher) end the flux.
     */
    public Flux<StartResult> startBatchJobs(Publisher<BatchTaskInfo> infos, int concurrency) {
        Objects.requireNonNull(infos, "infos");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        // Not subscribing to the inputs at all on a closed client; a close() meanwhile ends the flux with the
        // IllegalStateException of the next start, as that is no BatchException.
        return runtime.whileOpen(() -> Flux.from(infos).flatMap(info -> startBatchJob(info)
                .map(id -> StartResult.success(info, id))
                .onErrorResume(BatchException.class, e -> Mono.just(StartResult.failure(info, e))), concurrency));
    }

    /**
     * Closes the client: from now on every call fails on subscription with an {@link IllegalStateException}
     * ({@code "client is closed"}) and sends nothing; then releases what this client created (its connection
     * pool, waiting up to 5 s for its connections to close unless called on a non-blocking thread), never
     * what was passed to the builder. Idempotent.
     *
     * <p>Calls in flight are not cut off: an exchange under way keeps its connection (which is closed once
     * the exchange ends) and completes with its answer, or fails at its response timeout. They are never
     * re-sent: where a retry or a re-authentication would follow, the call fails with the
     * {@code IllegalStateException}, whose cause is the last attempt's error. A call subscribed at the very
     * moment of closing may still be sent.
     */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "ReactiveBatchClient[" + runtime.endpoint() + "]";
    }

    // ------------------------------------------------------------------ helpers

    private Flux<BatchTaskInfo> query(BatchOperation op, Object payload) {
        return runtime.call(op, payload, BatchTaskInfoListResponse.class).flatMapIterable(BatchTaskInfoListResponse::value);
    }

    private <T> void required(BatchOperation op, T value, SynchronousSink<T> sink) {
        if (value != null) {
            sink.next(value);
        } else {
            sink.error(new BatchResponseException(op.operationName(), runtime.endpoint().getHost(),
                    "the response carries no value", 200, null, null));
        }
    }

    private static ArrayOfint ints(Collection<Integer> ids, String name) {
        Objects.requireNonNull(ids, name);
        for (Integer id : ids) {
            if (id == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        return ArrayOfint.of(ids);
    }

    private static BatchTaskState state(BatchTaskState state) {
        return Objects.requireNonNull(state, "state");
    }

    private static String text(String value, String name) {
        return Objects.requireNonNull(value, name);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
