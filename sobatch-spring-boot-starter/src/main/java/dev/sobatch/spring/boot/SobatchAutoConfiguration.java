package dev.sobatch.spring.boot;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.client.TicketSource;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.soap.SoapVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;

/**
 * Auto-configures a {@link ReactiveBatchClient} and a {@link BatchClient} from the {@code sobatch.*} properties,
 * unless the application defines its own. The client records metrics in the context's {@link MeterRegistry} and
 * observations in its {@link ObservationRegistry} when there are such beans, and is closed with the context.
 *
 * <p>Authentication: {@code sobatch.ticket}, or {@code sobatch.username} and {@code sobatch.password}
 * (SoPrincipal), or a {@link TicketSource} bean when neither is set. {@link ReactiveBatchClientBuilderCustomizer}
 * beans adjust anything else.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(ReactiveBatchClient.class)
@EnableConfigurationProperties(SobatchProperties.class)
public class SobatchAutoConfiguration {

    /** Creates the auto-configuration; used by Spring. */
    public SobatchAutoConfiguration() {
    }

    /**
     * The reactive client, built from the properties and then passed to each customizer.
     *
     * @param properties the bound {@code sobatch.*} properties
     * @param ticketSources a {@link TicketSource} bean, used when no ticket or credentials are configured
     * @param customizers the customizers, in order
     * @return the client, closed when the context closes
     */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveBatchClient reactiveBatchClient(SobatchProperties properties,
            ObjectProvider<TicketSource> ticketSources,
            ObjectProvider<ReactiveBatchClientBuilderCustomizer> customizers) {
        ReactiveBatchClientBuilder builder = ReactiveBatchClient.builder();
        configure(builder, properties, ticketSources.getIfUnique());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            // the properties were validated when bound; what is left is a value a customizer set or removed
            throw new IllegalStateException("sobatch: cannot build the ReactiveBatchClient: " + e.getMessage(), e);
        }
    }

    static void configure(ReactiveBatchClientBuilder builder, SobatchProperties p, TicketSource ticketSource) {
        if (!StringUtils.hasText(p.getEndpoint())) {
            throw new InvalidConfigurationPropertyValueException("sobatch.endpoint", null,
                    "sobatch.endpoint is required: the Batch.svc URL or the site base URL"
                            + " (or define your own ReactiveBatchClient bean)");
        }
        builder.endpoint(p.getEndpoint().trim())
                .applicationToken(p.getApplicationToken())
                .soapVersion(SoapVersion.parse(p.getSoapVersion()))
                .deadline(p.getDeadline())
                .responseTimeout(p.getResponseTimeout())
                .connectTimeout(p.getConnectTimeout())
                .maxResponseBytes(p.getMaxResponseSize().toBytes())
                .wireLogging(p.isWireLogging())
                .retryPolicy(retryPolicy(p.getRetry()));
        pool(builder, p.getPool());
        if (StringUtils.hasText(p.getTicket())) {
            builder.ticket(p.getTicket());
        } else if (StringUtils.hasText(p.getUsername())) {
            builder.credentials(p.getUsername(), p.getPassword());
        } else if (ticketSource != null) {
            builder.ticketSource(ticketSource);
        } else {
            throw new InvalidConfigurationPropertyValueException("sobatch.ticket", null,
                    "sobatch.ticket, or sobatch.username and sobatch.password, are required"
                            + " (or define a TicketSource bean)");
        }
    }

    /** The client creates, owns and closes its pool with these settings. */
    private static void pool(ReactiveBatchClientBuilder builder, SobatchProperties.Pool pool) {
        builder.maxConnections(pool.getMaxConnections())
                .pendingAcquireTimeout(pool.getAcquireTimeout())
                .pendingAcquireMaxCount(pool.getMaxPendingAcquires())
                .maxIdleTime(pool.getMaxIdleTime())
                .maxLifeTime(pool.getMaxLifeTime());
    }

    static RetryPolicy retryPolicy(SobatchProperties.Retry retry) {
        return RetryPolicy.defaults().toBuilder()
                .maxAttempts(retry.getMaxAttempts())
                .backoff(retry.getBackoffBase(), retry.getBackoffCap())
                .maxRetryAfter(retry.getMaxRetryAfter())
                .retryUnsafe(retry.isAllowUnsafeResends())
                .build();
    }

    /** The blocking facade over the reactive client; present when batch-client-blocking is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BatchClient.class)
    static class BlockingClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BatchClient batchClient(ReactiveBatchClient reactiveBatchClient) {
            // of(...) leaves the reactive client open; that bean closes itself
            return BatchClient.of(reactiveBatchClient);
        }
    }

    /** Hands the context's meter registry to the client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @Order(0)
        ReactiveBatchClientBuilderCustomizer sobatchMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registries) {
            return builder -> registries.ifUnique(builder::meterRegistry);
        }
    }

    /** Hands the context's observation registry (and so tracing) to the client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        @Order(0)
        ReactiveBatchClientBuilderCustomizer sobatchObservationRegistryCustomizer(
                ObjectProvider<ObservationRegistry> registries) {
            return builder -> registries.ifUnique(builder::observationRegistry);
        }
    }
}
