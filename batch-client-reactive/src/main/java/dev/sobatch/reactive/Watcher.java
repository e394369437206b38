package dev.sobatch.reactive;

import dev.sobatch.model.BatchTaskInfo;
import java.time.Duration;
import reactor.core.publisher.Flux;

/** Polling for {@link ReactiveBatchClient#watch}. */
final class Watcher {
    private Watcher() {
    }

    static Flux<BatchTaskInfo> watch(ReactiveBatchClient client, int id, Duration pollInterval) {
        return Flux.error(new UnsupportedOperationException("watch: not yet implemented"));
    }
}
