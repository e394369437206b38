package dev.sobatch.reactive;

import dev.sobatch.client.BatchException;
import dev.sobatch.model.BatchTaskInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of starting one job in {@link ReactiveBatchClient#startBatchJobs}: the input it belongs to and
 * either the new task's id or the error. Immutable.
 */
public final class StartResult {
    private final BatchTaskInfo input;
    private final Integer id;
    private final BatchException error;

    private StartResult(BatchTaskInfo input, Integer id, BatchException error) {
        this.input = Objects.requireNonNull(input, "input");
        this.id = id;
        this.error = error;
    }

    /** A job that started with this id. */
    public static StartResult success(BatchTaskInfo input, int id) {
        return new StartResult(input, id, null);
    }

    /** A job that could not be started. */
    public static StartResult failure(BatchTaskInfo input, BatchException error) {
        return new StartResult(input, null, Objects.requireNonNull(error, "error"));
    }

    /** The task description that was submitted. */
    public BatchTaskInfo input() {
        return input;
    }

    /** The new task's id, when the start succeeded. */
    public OptionalInt id() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The error, when the start failed. */
    public Optional<BatchException> error() {
        return Optional.ofNullable(error);
    }

    public boolean isSuccess() {
        return error == null;
    }

    @Override
    public String toString() {
        return "StartResult[" + input.name() + " -> " + (isSuccess() ? "id " + id : error.getClass().getSimpleName()) + "]";
    }
}
