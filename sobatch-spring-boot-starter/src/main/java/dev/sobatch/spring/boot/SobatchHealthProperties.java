package dev.sobatch.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the sobatch health indicator, bound from {@code management.health.sobatch.*}. */
@ConfigurationProperties("management.health.sobatch")
public class SobatchHealthProperties {

    /**
     * Whether to add the "sobatch" health indicator, which asks Batch.svc for task 0 (a read-only call) and
     * reports UP when the service answers.
     */
    private boolean enabled;

    /** How long the health check waits for the answer before it reports DOWN. */
    private Duration timeout = Duration.ofSeconds(5);

    /** @return whether the indicator is added */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether to add the indicator */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return how long a check may take */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout how long a check may take */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
