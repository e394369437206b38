package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskCancellationBehaviour;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator runs tasks of one {@code Name}: how long they wait as {@code New}, how long they run,
 * how their progress advances and how they end. Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * SimulatorConfig.builder()
 *     .taskType("ExportContacts", TaskType.succeeding(Duration.ofSeconds(2)).withProgressSteps(4))
 *     .taskType("BrokenImport", TaskType.failing(Duration.ofSeconds(1), "File not found"))
 *     .taskType("Reindex", TaskType.longRunning())
 * }</pre>
 */
public final class TaskType {
    /** How a task ends by itself. */
    public enum Outcome {
        /** Ends in {@code Succeeded}. */
        SUCCEED,
        /** Ends in {@code Failed} with the type's result text. */
        FAIL,
        /** Never ends by itself; only StopBatchJob or UpdateBatchTask end it. */
        RUN_UNTIL_STOPPED
    }

    static final Duration DEFAULT_QUEUE_TIME = Duration.ofMillis(200);
    static final int DEFAULT_STEPS = 10;

    private final Outcome outcome;
    private final Duration runTime;
    private final Duration queueTime;
    private final int progressSteps;
    private final String result;
    private final BatchTaskCancellationBehaviour cancellationBehaviour;

    private TaskType(Outcome outcome, Duration runTime, Duration queueTime, int progressSteps, String result,
            BatchTaskCancellationBehaviour cancellationBehaviour) {
        this.outcome = outcome;
        this.runTime = requireNonNegative(runTime, "runTime");
        this.queueTime = requireNonNegative(queueTime, "queueTime");
        if (progressSteps < 1 || progressSteps > 100) {
            throw new IllegalArgumentException("progressSteps must be 1..100: " + progressSteps);
        }
        this.progressSteps = progressSteps;
        this.result = result;
        this.cancellationBehaviour = Objects.requireNonNull(cancellationBehaviour, "cancellationBehaviour");
    }

    /** Runs for {@code runTime} after a short queue, then succeeds. */
    public static TaskType succeeding(Duration runTime) {
        return new TaskType(Outcome.SUCCEED, runTime, DEFAULT_QUEUE_TIME, DEFAULT_STEPS, null,
                BatchTaskCancellationBehaviour.CAN_CANCEL);
    }

    /** Runs for {@code runTime}, then fails with {@code result} as its {@code Result} text. */
    public static TaskType failing(Duration runTime, String result) {
        return new TaskType(Outcome.FAIL, runTime, DEFAULT_QUEUE_TIME, DEFAULT_STEPS,
                Objects.requireNonNull(result, "result"), BatchTaskCancellationBehaviour.CAN_CANCEL);
    }

    /** Runs until stopped; progress creeps towards 99 % over an hour. */
    public static TaskType longRunning() {
        return longRunning(Duration.ofHours(1));
    }

    /** Runs until stopped; progress creeps towards 99 % over {@code expectedRunTime}. */
    public static TaskType longRunning(Duration expectedRunTime) {
        return new TaskType(Outcome.RUN_UNTIL_STOPPED, expectedRunTime, DEFAULT_QUEUE_TIME, DEFAULT_STEPS, null,
                BatchTaskCancellationBehaviour.CAN_CANCEL);
    }

    /** A copy that stays {@code New} for this long before it starts (default 200 ms). */
    public TaskType withQueueTime(Duration queueTime) {
        return new TaskType(outcome, runTime, queueTime, progressSteps, result, cancellationBehaviour);
    }

    /** A copy whose progress advances in this many equal steps (default 10, i.e. by 10 %). */
    public TaskType withProgressSteps(int steps) {
        return new TaskType(outcome, runTime, queueTime, steps, result, cancellationBehaviour);
    }

    /** A copy whose tasks end with this {@code Result} text (for failing tasks, the failure text). */
    public TaskType withResult(String result) {
        return new TaskType(outcome, runTime, queueTime, progressSteps, result, cancellationBehaviour);
    }

    /** A copy whose tasks get this behaviour when StartBatchJob does not set one (default CanCancel). */
    public TaskType withCancellationBehaviour(BatchTaskCancellationBehaviour behaviour) {
        return new TaskType(outcome, runTime, queueTime, progressSteps, result, behaviour);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Time spent {@code Started}; for long-running tasks, the time progress takes to reach 99 %. */
    public Duration runTime() {
        return runTime;
    }

    /** Time spent {@code New}. */
    public Duration queueTime() {
        return queueTime;
    }

    public int progressSteps() {
        return progressSteps;
    }

    /** The {@code Result} text of a finished task, or {@code null} for the default. */
    public String result() {
        return result;
    }

    public BatchTaskCancellationBehaviour cancellationBehaviour() {
        return cancellationBehaviour;
    }

    private static Duration requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "TaskType[" + outcome + ", run " + runTime + ", queue " + queueTime + ", steps " + progressSteps + "]";
    }
}
