package dev.sobatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sobatch.model.BatchTaskInfo;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes command results to stdout, as text for people or as one JSON document per line for programs.
 * Nothing else ever goes to stdout, so {@code sobatch --json ... | jq} always sees valid JSON.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    void id(int id) {
        line(json ? write(JSON.createObjectNode().put("id", id)) : Integer.toString(id));
    }

    void stopped(int id, boolean stopped) {
        line(json ? write(JSON.createObjectNode().put("id", id).put("stopped", stopped)) : Boolean.toString(stopped));
    }

    void deleted(List<Integer> ids) {
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            ArrayNode array = node.putArray("deleted");
            ids.forEach(array::add);
            line(write(node));
        }
    }

    /** The final state of a waited-for job: its name alone, or the whole task as JSON. */
    void finalState(BatchTaskInfo task) {
        line(json ? write(toJson(task)) : task.state().wireName());
    }

    void task(BatchTaskInfo task) {
        line(json ? write(toJson(task)) : TaskText.details(task));
    }

    void tasks(List<BatchTaskInfo> tasks) {
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            tasks.forEach(t -> array.add(toJson(t)));
            line(write(array));
        } else {
            tasks.forEach(t -> line(TaskText.row(t)));
        }
    }

    static ObjectNode toJson(BatchTaskInfo task) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", task.id())
                .put("name", task.name())
                .put("state", task.state().wireName())
                .put("progressPercent", task.progressPercent())
                .put("progressDescription", task.progressDescription())
                .put("description", task.description())
                .put("context", task.context())
                .put("result", task.result())
                .put("associateId", task.associateId())
                .put("startCount", task.startCount())
                .put("systemTask", task.isSystemTask())
                .put("created", timestamp(task.created()))
                .put("lastStarted", timestamp(task.lastStarted()));
        ObjectNode parameters = node.putObject("parameters");
        if (task.parameters() != null) {
            for (Map.Entry<String, String> e : task.parameters().asMap().entrySet()) {
                parameters.put(e.getKey(), e.getValue());
            }
        }
        return node;
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
