package dev.sobatch.examples.webflux;

import dev.sobatch.model.BatchTaskInfo;

/** What the HTTP API shows of a batch task. */
public record JobProgress(int id, String name, String state, int progressPercent, String progressDescription,
        boolean finished, String result) {

    static JobProgress of(BatchTaskInfo task) {
        return new JobProgress(task.id(), task.name(), task.state().wireName(), task.progressPercent(),
                task.progressDescription(), task.state().isTerminal(), task.result());
    }
}
