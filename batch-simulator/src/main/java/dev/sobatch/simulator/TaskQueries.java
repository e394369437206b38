package dev.sobatch.simulator;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import java.util.List;
import java.util.function.Predicate;

/**
 * The filters of the nine queries. State {@code All} matches every state. In an associate list an empty
 * (or nil) list matches every task, {@code 0} matches system tasks and {@code -1} every user's (non-system)
 * task; other ids match tasks of that associate. A task is a system task when its AssociateId is 0.
 * Names compare case-insensitively, as NetServer's database does.
 */
final class TaskQueries {
    private TaskQueries() {
    }

    static Predicate<BatchTaskInfo> name(String name) {
        return t -> name == null ? t.name() == null || t.name().isEmpty()
                : t.name() != null && t.name().equalsIgnoreCase(name);
    }

    static Predicate<BatchTaskInfo> state(BatchTaskState state, String stateText) {
        if (state == BatchTaskState.ALL) {
            return t -> true;
        }
        if (state == BatchTaskState.UNKNOWN && stateText != null && !"Unknown".equalsIgnoreCase(stateText.trim())) {
            return t -> false; // a state this service does not know matches no task
        }
        return t -> t.state() == state;
    }

    static Predicate<BatchTaskInfo> associates(ArrayOfint ids) {
        List<Integer> list = ids == null ? List.of() : ids.values();
        if (list.isEmpty() || list.contains(0) && list.contains(-1)) {
            return t -> true;
        }
        return t -> {
            boolean system = isSystem(t);
            return system ? list.contains(0) : list.contains(-1) || list.contains(t.associateId());
        };
    }

    static Predicate<BatchTaskInfo> system() {
        return TaskQueries::isSystem;
    }

    static boolean isSystem(BatchTaskInfo t) {
        return t.associateId() == 0;
    }
}
