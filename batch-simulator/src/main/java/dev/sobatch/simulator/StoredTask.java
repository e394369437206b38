package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskInfo;
import java.time.Instant;

/**
 * A task as kept in the store: what StartBatchJob made of the request, the type that drives it, and when
 * it was queued. The visible state is computed from these and the clock by {@link TaskLifecycle}, unless
 * the task was {@linkplain #frozen() frozen} by StopBatchJob or an UpdateBatchTask that set its state.
 * Immutable; changes replace the instance in the store.
 */
final class StoredTask {
    private final BatchTaskInfo base;
    private final TaskType type;
    private final Instant queuedAt;
    private final BatchTaskInfo frozen;

    StoredTask(BatchTaskInfo base, TaskType type, Instant queuedAt, BatchTaskInfo frozen) {
        this.base = base;
        this.type = type;
        this.queuedAt = queuedAt;
        this.frozen = frozen;
    }

    int id() {
        return base.id();
    }

    BatchTaskInfo base() {
        return base;
    }

    TaskType type() {
        return type;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    /** The task's final look when the lifecycle no longer drives it, else {@code null}. */
    BatchTaskInfo frozen() {
        return frozen;
    }

    StoredTask withBase(BatchTaskInfo newBase) {
        return new StoredTask(newBase, type, queuedAt, frozen);
    }

    StoredTask freeze(BatchTaskInfo finalLook) {
        return new StoredTask(base, type, queuedAt, finalLook);
    }
}
