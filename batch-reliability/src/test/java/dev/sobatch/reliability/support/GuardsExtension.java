package dev.sobatch.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaked a ByteBuf (paranoid leak detection) or made a blocking call on a non-blocking
 * thread. Registered for every Jupiter test by auto-detection (META-INF/services).
 */
public final class GuardsExtension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Guards.install();
        Guards.collectLeaks();
        Guards.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            assertThat(Guards.blockingCalls()).as("blocking calls on non-blocking threads").isEmpty();
            assertThat(Guards.collectLeaks()).as("Netty ByteBuf leaks").isEmpty();
        } finally {
            Guards.reset();
        }
    }
}
