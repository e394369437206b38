package dev.sobatch.spring.boot;

import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import reactor.netty.resources.ConnectionProvider;

/**
 * The pool settings of {@code sobatch.pool.*}. The client builder sizes its own pool, but knows no idle or
 * life time; when either is set the starter creates the pool itself, and must then dispose it on shutdown
 * because the client never disposes a pool it was given.
 */
final class SobatchConnectionPool implements DisposableBean {

    private final SobatchProperties.Pool settings;
    private final ConnectionProvider provider;

    SobatchConnectionPool(SobatchProperties.Pool settings) {
        this.settings = settings;
        this.provider = settings.getMaxIdleTime() == null && settings.getMaxLifeTime() == null ? null : create(settings);
    }

    private static ConnectionProvider create(SobatchProperties.Pool settings) {
        ConnectionProvider.Builder b = ConnectionProvider.builder("sobatch")
                .maxConnections(settings.getMaxConnections())
                .pendingAcquireTimeout(settings.getAcquireTimeout());
        if (settings.getMaxIdleTime() != null) {
            // evict in the background too, so that idle connections go even when no call comes
            b.maxIdleTime(settings.getMaxIdleTime()).evictInBackground(settings.getMaxIdleTime());
        }
        if (settings.getMaxLifeTime() != null) {
            b.maxLifeTime(settings.getMaxLifeTime());
        }
        return b.build();
    }

    void applyTo(ReactiveBatchClientBuilder builder) {
        builder.maxConnections(settings.getMaxConnections()).pendingAcquireTimeout(settings.getAcquireTimeout());
        if (provider != null) {
            builder.connectionProvider(provider);
        }
    }

    /** The pool the starter created, or {@code null} when the client owns its pool. */
    ConnectionProvider ownedProvider() {
        return provider;
    }

    @Override
    public void destroy() {
        if (provider != null) {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
