package dev.sobatch.blocking;

import dev.sobatch.client.BatchException;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.StartResult;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The blocking client of SuperOffice's Services88 {@code Batch.svc}: each method sends one call (or, for
 * {@link #startAndAwait} and {@link #await}, polls) and returns the answer as a plain value. Thread-safe;
 * share one instance. It is a thin layer over a {@link ReactiveBatchClient}, which does the work: retries,
 * the per-call deadline, tickets, metrics and logging are configured there and behave the same here.
 *
 * <h2>Errors</h2>
 * Failures are the {@link BatchException} subtypes of {@code dev.sobatch.client}, exactly as the reactive
 * client reports them (never wrapped in a Reactor exception): {@link dev.sobatch.client.BatchServiceException}
 * when the service reports an error, {@link dev.sobatch.client.BatchTransportException} when the exchange
 * fails, {@link dev.sobatch.client.BatchTimeoutException} when the deadline passes and
 * {@link dev.sobatch.client.BatchResponseException} when the answer is unreadable. Each carries, as a
 * suppressed exception, the stack of the thread that called this client (the exception itself is made on
 * an I/O thread).
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>A call waits at most for the client's deadline (the reactive call enforces it; this layer adds
 *       no timeout of its own). {@link #startAndAwait} and {@link #await} wait until the task ends.
 *   <li>Interrupting a waiting thread cancels the call (its connection is closed) and throws
 *       {@link BatchInterruptedException}; the thread's interrupt flag stays set. A call made on an
 *       interrupted thread sends nothing and throws the same.
 *   <li>Calling from a non-blocking thread (a Reactor {@code parallel()}/{@code single()} worker or a Netty
 *       event loop) throws {@link IllegalStateException} at once: blocking there would stall other calls.
 *       Use {@link #reactive()} from such code.
 * </ul>
 */
public final class BatchClient implements AutoCloseable {
    private final ReactiveBatchClient reactive;
    private final boolean ownsReactive;

    BatchClient(ReactiveBatchClient reactive, boolean ownsReactive) {
        this.reactive = Objects.requireNonNull(reactive, "reactive");
        this.ownsReactive = ownsReactive;
    }

    /** A builder taking the same options as {@link ReactiveBatchClient#builder()}. */
    public static BatchClientBuilder builder() {
        return new BatchClientBuilder();
    }

    /**
     * A blocking view of an existing reactive client. Closing the view does not close {@code reactive};
     * its owner does that.
     */
    public static BatchClient of(ReactiveBatchClient reactive) {
        return new BatchClient(reactive, false);
    }

    /** The reactive client this one waits on, for code that can compose instead of block. */
    public ReactiveBatchClient reactive() {
        return reactive;
    }

    /** The Batch.svc URL calls go to. */
    public URI endpoint() {
        return reactive.endpoint();
    }

    /** Creates and starts a task; returns its id. Not re-sent after a failure of unknown outcome. */
    public int startBatchJob(BatchTaskInfo info) {
        return Blocking.awaitValue("StartBatchJob", () -> reactive.startBatchJob(info));
    }

    /** The task with this id, or empty when the service knows none. */
    public Optional<BatchTaskInfo> getBatchTaskInfo(int id) {
        return Optional.ofNullable(Blocking.await("GetBatchTaskInfo", () -> reactive.getBatchTaskInfo(id)));
    }

    /** Asks the service to stop a running task; returns the service's answer. */
    public boolean stopBatchJob(int id) {
        return Blocking.awaitValue("StopBatchJob", () -> reactive.stopBatchJob(id));
    }

    /** Stores a task's new state and progress; returns the task as the service now has it. */
    public BatchTaskInfo updateBatchTask(BatchTaskInfo info) {
        return Blocking.awaitValue("UpdateBatchTask", () -> reactive.updateBatchTask(info));
    }

    /** Deletes one task. */
    public void deleteBatchTask(int id) {
        Blocking.await("DeleteBatchTask", () -> reactive.deleteBatchTask(id));
    }

    /** Deletes several tasks in one call. */
    public void deleteBatchTasks(Collection<Integer> ids) {
        Blocking.await("DeleteBatchTasks", () -> reactive.deleteBatchTasks(ids));
    }

    /** The tasks in a state ({@link BatchTaskState#ALL} for every state). */
    public List<BatchTaskInfo> getBatchTaskInfosByState(BatchTaskState state) {
        return Blocking.awaitList("GetBatchTaskInfosByState", () -> reactive.getBatchTaskInfosByState(state));
    }

    /** The tasks of these associates. */
    public List<BatchTaskInfo> getBatchTaskInfosByAssociates(Collection<Integer> associateIds) {
        return Blocking.awaitList("GetBatchTaskInfosByAssociates",
                () -> reactive.getBatchTaskInfosByAssociates(associateIds));
    }

    /** The tasks with this name in this state. */
    public List<BatchTaskInfo> getBatchTaskInfosByNameAndState(String name, BatchTaskState state) {
        return Blocking.awaitList("GetBatchTaskInfosByNameAndState",
                () -> reactive.getBatchTaskInfosByNameAndState(name, state));
    }

    /** The tasks with this name of these associates. */
    public List<BatchTaskInfo> getBatchTaskInfosByNameAndAssociates(String name, Collection<Integer> associateIds) {
        return Blocking.awaitList("GetBatchTaskInfosByNameAndAssociates",
                () -> reactive.getBatchTaskInfosByNameAndAssociates(name, associateIds));
    }

    /** The tasks of these associates in this state. */
    public List<BatchTaskInfo> getBatchTaskInfosByAssociatesAndState(Collection<Integer> associateIds,
            BatchTaskState state) {
        return Blocking.awaitList("GetBatchTaskInfosByAssociatesAndState",
                () -> reactive.getBatchTaskInfosByAssociatesAndState(associateIds, state));
    }

    /** Every task with this name, whoever owns it. */
    public List<BatchTaskInfo> getAllBatchTaskInfosByName(String taskName) {
        return Blocking.awaitList("GetAllBatchTaskInfosByName", () -> reactive.getAllBatchTaskInfosByName(taskName));
    }

    /** Every task with this name in this state. */
    public List<BatchTaskInfo> getAllBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        return Blocking.awaitList("GetAllBatchTaskInfosByNameAndState",
                () -> reactive.getAllBatchTaskInfosByNameAndState(taskName, state));
    }

    /** The system tasks with this name. */
    public List<BatchTaskInfo> getSystemBatchTaskInfosByName(String taskName) {
        return Blocking.awaitList("GetSystemBatchTaskInfosByName",
                () -> reactive.getSystemBatchTaskInfosByName(taskName));
    }

    /** The system tasks with this name in this state. */
    public List<BatchTaskInfo> getSystemBatchTaskInfosByNameAndState(String taskName, BatchTaskState state) {
        return Blocking.awaitList("GetSystemBatchTaskInfosByNameAndState",
                () -> reactive.getSystemBatchTaskInfosByNameAndState(taskName, state));
    }

    /**
     * Starts a task and polls it every {@code pollInterval} until it reaches a terminal state; returns the
     * final task (which may have {@link BatchTaskState#FAILED}). Waits as long as the task runs: each poll
     * has the client's deadline, the whole wait has none. Interrupt the thread to give up.
     */
    public BatchTaskInfo startAndAwait(BatchTaskInfo info, Duration pollInterval) {
        return Blocking.awaitValue("startAndAwait", () -> reactive.startAndAwait(info, pollInterval));
    }

    /**
     * Polls an existing task every {@code pollInterval} until it reaches a terminal state; returns the final
     * task. Waits as long as the task runs; interrupt the thread to give up.
     */
    public BatchTaskInfo await(int id, Duration pollInterval) {
        return Blocking.awaitValue("await", () -> reactive.watch(id, pollInterval).last());
    }

    /**
     * Starts many tasks, at most {@code concurrency} at a time; returns one result per input, in completion
     * order. A failed start is a failed {@link StartResult}, not an exception.
     */
    public List<StartResult> startBatchJobs(Collection<BatchTaskInfo> infos, int concurrency) {
        Objects.requireNonNull(infos, "infos");
        if (infos.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("infos must not contain null");
        }
        List<BatchTaskInfo> snapshot = List.copyOf(infos);
        return Blocking.awaitList("startBatchJobs",
                () -> reactive.startBatchJobs(Flux.fromIterable(snapshot), concurrency));
    }

    /** Closes the reactive client if this client built it; a wrapped client is left to its owner. */
    @Override
    public void close() {
        if (ownsReactive) {
            reactive.close();
        }
    }

    @Override
    public String toString() {
        return "BatchClient[" + reactive.endpoint() + "]";
    }
}
