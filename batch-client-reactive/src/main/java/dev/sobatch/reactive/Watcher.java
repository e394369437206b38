package dev.sobatch.reactive;

import dev.sobatch.client.BatchResponseException;
import dev.sobatch.model.BatchTaskInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Polling for {@link ReactiveBatchClient#watch}: a repeated, cold GetBatchTaskInfo call. */
final class Watcher {
    private Watcher() {
    }

    static Flux<BatchTaskInfo> watch(ReactiveBatchClient client, int id, Duration pollInterval) {
        Mono<BatchTaskInfo> poll = client.getBatchTaskInfo(id)
                .switchIfEmpty(Mono.error(() -> new BatchResponseException("GetBatchTaskInfo",
                        client.endpoint().getHost(), "task " + id + " does not exist", 200, null, null)));
        // repeatWhen + delayElements waits *between* polls (after each answer), so slow answers never pile up.
        // The scheduler is looked up on subscription (repeatWhen calls this function then): virtual time works.
        return poll.repeatWhen(answers -> answers.delayElements(pollInterval, Schedulers.parallel()))
                .distinctUntilChanged(Watcher::progressKey)
                .takeUntil(task -> task.state() != null && task.state().isTerminal());
    }

    private static List<Object> progressKey(BatchTaskInfo t) {
        return Arrays.asList(t.state(), t.stateText(), t.progressPercent(), t.progressDescription());
    }
}
