package dev.sobatch.cli;

import dev.sobatch.model.BatchTaskInfo;
import java.util.Map;

/** Human-readable renderings of a task. */
final class TaskText {

    private TaskText() {
    }

    /** One line for {@code list}: id, state, progress and name in columns. */
    static String row(BatchTaskInfo task) {
        return String.format("%-8d %-22s %4d%%  %s", task.id(), task.state().wireName(), task.progressPercent(),
                nonNull(task.name()));
    }

    /** One line for progress reports while waiting. */
    static String progress(BatchTaskInfo task) {
        String description = task.progressDescription();
        return "job " + task.id() + ": " + task.state().wireName() + " " + task.progressPercent() + "%"
                + (description == null || description.isBlank() ? "" : " " + description);
    }

    /** A block of "label: value" lines for {@code get}. */
    static String details(BatchTaskInfo task) {
        StringBuilder text = new StringBuilder();
        field(text, "id", Integer.toString(task.id()));
        field(text, "name", task.name());
        field(text, "state", task.state().wireName());
        field(text, "progress", task.progressPercent() + "%"
                + (task.progressDescription() == null ? "" : " " + task.progressDescription()));
        field(text, "description", task.description());
        field(text, "context", task.context());
        field(text, "result", task.result());
        field(text, "associate", task.associateId() == 0 ? null : Integer.toString(task.associateId()));
        field(text, "created", task.created() == null ? null : task.created().toString());
        field(text, "last started", task.lastStarted() == null ? null : task.lastStarted().toString());
        field(text, "start count", Integer.toString(task.startCount()));
        if (task.parameters() != null) {
            for (Map.Entry<String, String> e : task.parameters().asMap().entrySet()) {
                field(text, "parameter", e.getKey() + "=" + e.getValue());
            }
        }
        return text.toString().stripTrailing();
    }

    private static void field(StringBuilder text, String label, String value) {
        if (value != null && !value.isEmpty()) {
            text.append(String.format("%-13s %s%n", label + ":", value));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
