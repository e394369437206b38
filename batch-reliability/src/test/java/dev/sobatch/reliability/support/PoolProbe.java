package dev.sobatch.reliability.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Watches the pools of a {@link ConnectionProvider} built with {@code metrics(true, () -> probe)}: how many
 * connections are acquired (in use) or awaited, now and at most at any sample.
 */
public final class PoolProbe implements ConnectionProvider.MeterRegistrar {
    private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

    @Override
    public void registerMetrics(String poolName, String id, java.net.SocketAddress remoteAddress,
            ConnectionPoolMetrics metrics) {
        pools.put(id + "@" + remoteAddress, metrics);
    }

    /** A provider reporting to this probe. */
    public ConnectionProvider provider(String name, int maxConnections) {
        return ConnectionProvider.builder(name).maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .metrics(true, () -> this).build();
    }

    public int acquired() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    public int pending() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
    }

    public int allocated() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    /** Waits (bounded) until no connection is in use and none is awaited; fails with the numbers if not. */
    public void awaitIdle(Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        while (acquired() != 0 || pending() != 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("connection pool not idle after " + bound + ": acquired=" + acquired()
                        + ", pending=" + pending() + ", allocated=" + allocated());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
