package dev.sobatch.bench;

import dev.sobatch.model.BatchTaskState;
import dev.sobatch.reactive.ReactiveBatchClient;
import reactor.core.publisher.Mono;

/**
 * Contender (b): {@code ReactiveBatchClient.startBatchJob} with the client's default options (retry policy,
 * timeouts, limits), only the connection pool sized to the calls in flight. With {@code tasks > 0} it
 * calls {@code getBatchTaskInfosByState} against a response of that many tasks instead.
 */
final class SdkReactive implements Contender.Async {
    private final ReactiveBatchClient client;
    private final int tasks;

    SdkReactive(String baseUrl, int maxConnections, int tasks) {
        this.tasks = tasks;
        this.client = builder(baseUrl, maxConnections, tasks).build();
    }

    static dev.sobatch.reactive.ReactiveBatchClientBuilder builder(String baseUrl, int maxConnections, int tasks) {
        return ReactiveBatchClient.builder()
                .endpoint(baseUrl + (tasks > 0 ? "/n" + tasks : "") + Payloads.SERVICE_PATH)
                .applicationToken(Payloads.APPLICATION_TOKEN)
                .ticket(Payloads.TICKET)
                .maxConnections(maxConnections);
    }

    @Override
    public Mono<?> call() {
        if (tasks > 0) {
            return client.getBatchTaskInfosByState(BatchTaskState.STARTED).count().doOnNext(n -> {
                if (n != tasks) {
                    throw new IllegalStateException("expected " + tasks + " tasks, got " + n);
                }
            });
        }
        return client.startBatchJob(Payloads.TASK).doOnNext(Contender::expect);
    }

    @Override
    public void close() {
        client.close();
    }
}
