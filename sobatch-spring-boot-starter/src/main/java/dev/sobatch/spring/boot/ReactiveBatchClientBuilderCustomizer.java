package dev.sobatch.spring.boot;

import dev.sobatch.reactive.ReactiveBatchClientBuilder;

/**
 * Adjusts the builder of the auto-configured {@link dev.sobatch.reactive.ReactiveBatchClient} after the
 * {@code sobatch.*} properties have been applied. Declare one or more as beans (ordered by
 * {@link org.springframework.core.annotation.Order @Order}), for example to pass a proxy-aware
 * {@code HttpClient} or a custom {@link dev.sobatch.client.RetryPolicy}.
 */
@FunctionalInterface
public interface ReactiveBatchClientBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, already configured from the properties
     */
    void customize(ReactiveBatchClientBuilder builder);
}
