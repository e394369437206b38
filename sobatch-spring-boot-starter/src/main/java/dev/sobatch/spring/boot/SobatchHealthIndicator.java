package dev.sobatch.spring.boot;

import dev.sobatch.client.BatchServiceException;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Reports whether Batch.svc answers. The probe is {@code GetBatchTaskInfo(0)}, a read that starts, stops or
 * changes no task. Any SOAP answer counts as UP, a service error too (such as "no such task": the service did
 * answer); transport failures, unreadable answers and timeouts are DOWN.
 */
public final class SobatchHealthIndicator implements ReactiveHealthIndicator {

    /** The task id asked for; NetServer ids start at 1, so none exists. */
    static final int PROBE_TASK_ID = 0;

    private final ReactiveBatchClient client;
    private final Duration timeout;

    /**
     * An indicator for one client.
     *
     * @param client the client whose service is checked
     * @param timeout how long a check may take before it reports DOWN
     */
    public SobatchHealthIndicator(ReactiveBatchClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Health> health() {
        String endpoint = client.endpoint().toString();
        return client.getBatchTaskInfo(PROBE_TASK_ID)
                .then(Mono.fromSupplier(() -> Health.up().withDetail("endpoint", endpoint).build()))
                .timeout(timeout)
                .onErrorResume(BatchServiceException.class, e -> Mono.just(Health.up()
                        .withDetail("endpoint", endpoint)
                        .withDetail("serviceMessage", String.valueOf(e.serviceMessage()))
                        .build()))
                .onErrorResume(TimeoutException.class, e -> Mono.just(Health.down()
                        .withDetail("endpoint", endpoint)
                        .withDetail("error", "no answer within " + timeout)
                        .build()))
                .onErrorResume(e -> Mono.just(Health.down(e).withDetail("endpoint", endpoint).build()));
    }
}
