package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The in-memory job store: tasks by id, ids from a sequence, and a capacity beyond which the oldest
 * finished task is evicted first (the oldest task of all when none has finished). Lock-free reads and
 * per-task atomic updates make it safe under many concurrent clients without blocking an event loop.
 */
final class TaskStore {
    private final ConcurrentMap<Integer, StoredTask> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final int capacity;

    TaskStore(int capacity) {
        this.capacity = capacity;
    }

    /** Stores a new task built by {@code withId} from the next id, evicting when over capacity. */
    StoredTask add(java.util.function.IntFunction<StoredTask> withId, Instant now) {
        StoredTask task = withId.apply(sequence.incrementAndGet());
        tasks.put(task.id(), task);
        while (tasks.size() > capacity) {
            evictOne(now, task.id());
        }
        return task;
    }

    Optional<StoredTask> get(int id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Replaces a task atomically; empty when there is no such task. */
    Optional<StoredTask> update(int id, UnaryOperator<StoredTask> change) {
        return Optional.ofNullable(tasks.computeIfPresent(id, (k, t) -> change.apply(t)));
    }

    boolean remove(int id) {
        return tasks.remove(id) != null;
    }

    int size() {
        return tasks.size();
    }

    /** Every task as it looks now, by id. */
    List<BatchTaskInfo> views(Instant now) {
        List<StoredTask> snapshot = new ArrayList<>(tasks.values());
        snapshot.sort(Comparator.comparingInt(StoredTask::id));
        List<BatchTaskInfo> views = new ArrayList<>(snapshot.size());
        for (StoredTask t : snapshot) {
            views.add(TaskLifecycle.view(t, now));
        }
        return views;
    }

    Optional<BatchTaskInfo> view(int id, Instant now) {
        return get(id).map(t -> TaskLifecycle.view(t, now));
    }

    void clear() {
        tasks.clear();
    }

    private void evictOne(Instant now, int keep) {
        StoredTask oldestFinished = null;
        StoredTask oldest = null;
        for (StoredTask t : tasks.values()) {
            if (t.id() == keep) {
                continue;
            }
            if (oldest == null || t.id() < oldest.id()) {
                oldest = t;
            }
            if ((oldestFinished == null || t.id() < oldestFinished.id()) && TaskLifecycle.isFinished(t, now)) {
                oldestFinished = t;
            }
        }
        StoredTask victim = oldestFinished != null ? oldestFinished : oldest;
        if (victim == null) {
            return;
        }
        tasks.remove(victim.id(), victim);
    }
}
