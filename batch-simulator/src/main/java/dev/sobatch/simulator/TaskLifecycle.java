package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import java.time.Duration;
import java.time.Instant;

/**
 * The lifecycle engine: what a task looks like at a given instant. A task is {@code New} for its type's
 * queue time, then {@code Started} with progress advancing in equal steps over its run time, then
 * {@code Succeeded} or {@code Failed}. Being a pure function of the clock, it needs no timers, works the
 * same with the wall clock and with a manual one, and never blocks.
 */
final class TaskLifecycle {
    static final String DEFAULT_RESULT = "OK";

    private TaskLifecycle() {
    }

    static BatchTaskInfo view(StoredTask task, Instant now) {
        if (task.frozen() != null) {
            return task.frozen();
        }
        TaskType type = task.type();
        BatchTaskInfo base = task.base();
        Duration elapsed = Duration.between(task.queuedAt(), now);
        if (elapsed.isNegative() || elapsed.compareTo(type.queueTime()) < 0) {
            return base.toBuilder().state(BatchTaskState.NEW).progressPercent(0).progressDescription("Queued").build();
        }
        Duration running = elapsed.minus(type.queueTime());
        int steps = type.progressSteps();
        boolean ends = type.outcome() != TaskType.Outcome.RUN_UNTIL_STOPPED;
        if (ends && running.compareTo(type.runTime()) >= 0) {
            if (type.outcome() == TaskType.Outcome.FAIL) {
                return base.toBuilder().state(BatchTaskState.FAILED).progressPercent((steps - 1) * 100 / steps)
                        .progressDescription("Failed").result(type.result()).build();
            }
            return base.toBuilder().state(BatchTaskState.SUCCEEDED).progressPercent(100)
                    .progressDescription("Completed")
                    .result(type.result() == null ? DEFAULT_RESULT : type.result()).build();
        }
        int step = stepsDone(running, type.runTime(), steps);
        return base.toBuilder().state(BatchTaskState.STARTED).progressPercent(Math.min(99, step * 100 / steps))
                .progressDescription("Step " + Math.min(step + 1, steps) + " of " + steps).build();
    }

    /** Whether the task will not change by itself any more: evictable first. */
    static boolean isFinished(StoredTask task, Instant now) {
        if (task.frozen() != null) {
            return task.frozen().state().isTerminal();
        }
        TaskType type = task.type();
        return type.outcome() != TaskType.Outcome.RUN_UNTIL_STOPPED
                && !now.isBefore(task.queuedAt().plus(type.queueTime()).plus(type.runTime()));
    }

    private static int stepsDone(Duration running, Duration runTime, int steps) {
        if (runTime.isZero()) {
            return steps;
        }
        long done = running.toNanos() / Math.max(1, runTime.toNanos() / steps);
        return (int) Math.min(steps, done);
    }
}
