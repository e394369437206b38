package dev.sobatch.spring.boot;

import dev.sobatch.reactive.ReactiveBatchClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code sobatch} reactive health indicator when {@code management.health.sobatch.enabled=true} (it is
 * off by default: every check is a call to the service) and Spring Boot's health support is present.
 */
@AutoConfiguration(after = SobatchAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ReactiveBatchClient.class })
@ConditionalOnBooleanProperty("management.health.sobatch.enabled")
@ConditionalOnBean(ReactiveBatchClient.class)
@EnableConfigurationProperties(SobatchHealthProperties.class)
public class SobatchHealthAutoConfiguration {

    /** Creates the auto-configuration; used by Spring. */
    public SobatchHealthAutoConfiguration() {
    }

    /**
     * The indicator; its bean name makes Spring Boot list it as "sobatch".
     *
     * @param client the client whose service is checked
     * @param properties the health settings
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "sobatchHealthIndicator")
    public SobatchHealthIndicator sobatchHealthIndicator(ReactiveBatchClient client,
            SobatchHealthProperties properties) {
        return new SobatchHealthIndicator(client, properties.getTimeout());
    }
}
