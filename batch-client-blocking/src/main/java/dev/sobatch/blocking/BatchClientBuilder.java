package dev.sobatch.blocking;

import dev.sobatch.client.RetryPolicy;
import dev.sobatch.client.TicketSource;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.soap.SoapVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Configures a {@link BatchClient}. Every option is the {@link ReactiveBatchClientBuilder}'s option of the
 * same name, forwarded as is: defaults, validation and documentation live there, once. Not thread-safe;
 * {@link #build()} may be called more than once, each time giving an independent client.
 *
 * <pre>{@code
 * try (BatchClient client = BatchClient.builder()
 *         .endpoint("https://crm.example.com/")
 *         .credentials("batch-user", password)
 *         .deadline(Duration.ofSeconds(20))
 *         .build()) {
 *     int id = client.startBatchJob(BatchTaskInfo.named("ExportTask").build());
 * }
 * }</pre>
 */
public final class BatchClientBuilder {
    private final ReactiveBatchClientBuilder reactive = ReactiveBatchClient.builder();

    BatchClientBuilder() {
    }

    /** See {@link ReactiveBatchClientBuilder#endpoint(String)}. */
    public BatchClientBuilder endpoint(String endpoint) {
        reactive.endpoint(endpoint);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#endpoint(URI)}. */
    public BatchClientBuilder endpoint(URI endpoint) {
        reactive.endpoint(endpoint);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#applicationToken(String)}. */
    public BatchClientBuilder applicationToken(String applicationToken) {
        reactive.applicationToken(applicationToken);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#ticket(String)}. */
    public BatchClientBuilder ticket(String ticket) {
        reactive.ticket(ticket);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#ticketSource(TicketSource)}. */
    public BatchClientBuilder ticketSource(TicketSource ticketSource) {
        reactive.ticketSource(ticketSource);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#credentials(String, String)}. */
    public BatchClientBuilder credentials(String username, String password) {
        reactive.credentials(username, password);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#soapVersion(SoapVersion)}. */
    public BatchClientBuilder soapVersion(SoapVersion soapVersion) {
        reactive.soapVersion(soapVersion);
        return this;
    }

    /**
     * See {@link ReactiveBatchClientBuilder#deadline(Duration)}. It is also the longest a blocking call waits
     * (except {@link BatchClient#startAndAwait} and {@link BatchClient#await}, which wait for the task).
     */
    public BatchClientBuilder deadline(Duration deadline) {
        reactive.deadline(deadline);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#responseTimeout(Duration)}. */
    public BatchClientBuilder responseTimeout(Duration responseTimeout) {
        reactive.responseTimeout(responseTimeout);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#connectTimeout(Duration)}. */
    public BatchClientBuilder connectTimeout(Duration connectTimeout) {
        reactive.connectTimeout(connectTimeout);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#pendingAcquireTimeout(Duration)}. */
    public BatchClientBuilder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
        reactive.pendingAcquireTimeout(pendingAcquireTimeout);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#retryPolicy(RetryPolicy)}. */
    public BatchClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        reactive.retryPolicy(retryPolicy);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#maxResponseBytes(long)}. */
    public BatchClientBuilder maxResponseBytes(long maxResponseBytes) {
        reactive.maxResponseBytes(maxResponseBytes);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#meterRegistry(MeterRegistry)}. */
    public BatchClientBuilder meterRegistry(MeterRegistry meterRegistry) {
        reactive.meterRegistry(meterRegistry);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#observationRegistry(ObservationRegistry)}. */
    public BatchClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
        reactive.observationRegistry(observationRegistry);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#httpClient(HttpClient)}. */
    public BatchClientBuilder httpClient(HttpClient httpClient) {
        reactive.httpClient(httpClient);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#connectionProvider(ConnectionProvider)}. */
    public BatchClientBuilder connectionProvider(ConnectionProvider connectionProvider) {
        reactive.connectionProvider(connectionProvider);
        return this;
    }

    /**
     * See {@link ReactiveBatchClientBuilder#maxConnections(int)}. Each blocking caller holds one connection for
     * the length of its call; callers beyond the pool wait for a connection to be released, each for at most
     * {@link #pendingAcquireTimeout(Duration)} (and never past its {@link #deadline(Duration)}). The queue of
     * waiting callers has no limit unless {@link #pendingAcquireMaxCount(int)} sets one, so more threads than
     * connections are fine: they take turns.
     */
    public BatchClientBuilder maxConnections(int maxConnections) {
        reactive.maxConnections(maxConnections);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#pendingAcquireMaxCount(int)}. */
    public BatchClientBuilder pendingAcquireMaxCount(int pendingAcquireMaxCount) {
        reactive.pendingAcquireMaxCount(pendingAcquireMaxCount);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#maxIdleTime(Duration)}. */
    public BatchClientBuilder maxIdleTime(Duration maxIdleTime) {
        reactive.maxIdleTime(maxIdleTime);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#maxLifeTime(Duration)}. */
    public BatchClientBuilder maxLifeTime(Duration maxLifeTime) {
        reactive.maxLifeTime(maxLifeTime);
        return this;
    }

    /** See {@link ReactiveBatchClientBuilder#wireLogging(boolean)}. */
    public BatchClientBuilder wireLogging(boolean wireLogging) {
        reactive.wireLogging(wireLogging);
        return this;
    }

    /**
     * Applies settings directly to the underlying reactive builder: an escape hatch for options this
     * version of the blocking builder does not forward yet.
     */
    public BatchClientBuilder configureReactive(Consumer<? super ReactiveBatchClientBuilder> configurer) {
        Objects.requireNonNull(configurer, "configurer").accept(reactive);
        return this;
    }

    /**
     * A new client that owns its reactive client: closing it closes both.
     *
     * @throws IllegalStateException as {@link ReactiveBatchClientBuilder#build()} does
     */
    public BatchClient build() {
        return new BatchClient(reactive.build(), true);
    }
}
