package dev.sobatch.cli;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows a job to its end with {@link ReactiveBatchClient#watch}, reporting each change on stderr. The
 * optional wait timeout bounds the whole wait, in-flight poll included: when it passes the watch is
 * cancelled and the job is left running.
 */
final class JobWaiter {

    private final ReactiveBatchClient client;
    private final CliContext context;

    JobWaiter(ReactiveBatchClient client, CliContext context) {
        this.client = client;
        this.context = context;
    }

    /** Blocks until the job is in a terminal state and returns it; throws {@link CliFailure} otherwise. */
    BatchTaskInfo await(int id, Duration poll, Duration waitTimeout) {
        Progress progress = new Progress(context.err(), context.interactiveErr());
        Flux<BatchTaskInfo> changes = client.watch(id, poll).doOnNext(progress::show);
        Mono<BatchTaskInfo> last = changes.reduce((previous, next) -> next);
        if (waitTimeout != null) {
            last = last.timeout(waitTimeout, Mono.error(() -> new CliFailure(ExitCodes.NO_ANSWER,
                    "gave up waiting for batch job " + id + " after " + DurationText.of(waitTimeout)
                            + " (--wait-timeout); the job may still be running")));
        }
        try {
            BatchTaskInfo task = last.block();
            if (task == null) {
                throw new CliFailure(ExitCodes.SERVICE, "the service knows no batch task with id " + id);
            }
            if (!task.state().isTerminal()) {
                throw new CliFailure(ExitCodes.NO_ANSWER,
                        "stopped watching batch job " + id + " before it ended (last state " + task.state().wireName()
                                + ")");
            }
            return task;
        } finally {
            progress.done();
        }
    }
}
