package dev.sobatch.reactive;

import dev.sobatch.client.RetryPolicy;
import dev.sobatch.client.TicketSource;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Configures a {@link ReactiveBatchClient}. Not thread-safe; {@link #build()} may be called more than once,
 * each time giving an independent client.
 *
 * <p>Only the endpoint and a ticket (or credentials) are required. Micrometer is optional: the
 * {@link #meterRegistry} and {@link #observationRegistry} methods are the only places that name its types.
 */
public final class ReactiveBatchClientBuilder {
    static final String BATCH_PATH = "Remote/Services88/Batch.svc";
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_CONNECTIONS = 64;
    static final int UNBOUNDED = -1;
    static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(60); // below IIS's 120 s idle timeout
    static final Duration DEFAULT_MAX_LIFE_TIME = Duration.ofMinutes(5);

    URI endpoint;
    String applicationToken;
    TicketSource ticketSource;
    SoapVersion soapVersion = SoapVersion.SOAP_11;
    Duration deadline = DEFAULT_DEADLINE;
    Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration pendingAcquireTimeout = DEFAULT_PENDING_ACQUIRE_TIMEOUT;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    long maxResponseBytes = SoapCodec.DEFAULT_MAX_INPUT_BYTES;
    Object meterRegistry;
    Object observationRegistry;
    HttpClient httpClient;
    ConnectionProvider connectionProvider;
    int maxConnections = DEFAULT_MAX_CONNECTIONS;
    int pendingAcquireMaxCount = UNBOUNDED;
    Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;
    Duration maxLifeTime = DEFAULT_MAX_LIFE_TIME;
    boolean wireLogging;

    ReactiveBatchClientBuilder() {
    }

    /**
     * The service: either the full {@code …/Remote/Services88/Batch.svc} URL, or a site base URL (such as
     * {@code https://online.superoffice.com/Cust12345/}) to which {@code Remote/Services88/Batch.svc} is added.
     */
    public ReactiveBatchClientBuilder endpoint(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        try {
            return endpoint(URI.create(endpoint.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** The service URL; see {@link #endpoint(String)}. */
    public ReactiveBatchClientBuilder endpoint(URI endpoint) {
        this.endpoint = resolveEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    /** The application token (required by SuperOffice Online; a secret, never logged). */
    public ReactiveBatchClientBuilder applicationToken(String applicationToken) {
        this.applicationToken = applicationToken == null || applicationToken.isBlank() ? null : applicationToken;
        return this;
    }

    /** A fixed ticket; shorthand for {@code ticketSource(TicketSource.fixed(ticket))}. */
    public ReactiveBatchClientBuilder ticket(String ticket) {
        return ticketSource(TicketSource.fixed(ticket));
    }

    /** Where tickets come from; asked once per logical call. */
    public ReactiveBatchClientBuilder ticketSource(TicketSource ticketSource) {
        this.ticketSource = Objects.requireNonNull(ticketSource, "ticketSource");
        return this;
    }

    /** Tickets from SoPrincipal.svc next to the endpoint; shorthand for {@link TicketSource#soPrincipal}. */
    public ReactiveBatchClientBuilder credentials(String username, String password) {
        return ticketSource(TicketSource.soPrincipal(username, password));
    }

    /** SOAP 1.1 (default, the WSDL's BasicHttpBinding) or 1.2. */
    public ReactiveBatchClientBuilder soapVersion(SoapVersion soapVersion) {
        this.soapVersion = Objects.requireNonNull(soapVersion, "soapVersion");
        return this;
    }

    /** Bounds one logical call, all attempts and backoff included (default 30 s). */
    public ReactiveBatchClientBuilder deadline(Duration deadline) {
        this.deadline = positive(deadline, "deadline");
        return this;
    }

    /**
     * How long one attempt waits for its whole response after sending its request (default 10 s); a response
     * still incomplete then is a timeout, and its connection is closed.
     */
    public ReactiveBatchClientBuilder responseTimeout(Duration responseTimeout) {
        this.responseTimeout = positive(responseTimeout, "responseTimeout");
        return this;
    }

    /** TCP connect timeout (default 5 s). */
    public ReactiveBatchClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return this;
    }

    /** How long a call waits for a pooled connection when all are busy (default 10 s). */
    public ReactiveBatchClientBuilder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
        this.pendingAcquireTimeout = positive(pendingAcquireTimeout, "pendingAcquireTimeout");
        return this;
    }

    /** When to re-send (default {@link RetryPolicy#defaults()}). */
    public ReactiveBatchClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /** The largest (decompressed) response body accepted (default 16 MiB); enforced while reading. */
    public ReactiveBatchClientBuilder maxResponseBytes(long maxResponseBytes) {
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    /**
     * Records the timer {@code sobatch.client.requests} (unless an observation registry is also given) and
     * the counters {@code sobatch.client.attempts} and {@code sobatch.client.retries.refused}.
     */
    public ReactiveBatchClientBuilder meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        return this;
    }

    /** Observes each logical call as {@code sobatch.client.requests}. */
    public ReactiveBatchClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = observationRegistry;
        return this;
    }

    /**
     * A Reactor Netty client to build on (its connection pool, event loops, TLS and proxy settings are kept;
     * the client adds compression, its timeouts and disables Reactor Netty's own retry). Never disposed by
     * {@link ReactiveBatchClient#close()}.
     */
    public ReactiveBatchClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /** A connection pool to use instead of the client's own; never disposed by the client. */
    public ReactiveBatchClientBuilder connectionProvider(ConnectionProvider connectionProvider) {
        this.connectionProvider = Objects.requireNonNull(connectionProvider, "connectionProvider");
        return this;
    }

    /** Size of the client's own connection pool (default 64). */
    public ReactiveBatchClientBuilder maxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        this.maxConnections = maxConnections;
        return this;
    }

    /**
     * How many calls may wait for a connection of the client's own pool when all are busy (default
     * unbounded, {@code -1}): a waiting call is bounded by {@link #pendingAcquireTimeout} and the
     * {@link #deadline} instead. Reactor Netty's own default (twice {@link #maxConnections}) refuses
     * callers under load, e.g. 200 blocking threads sharing 64 connections. A call refused by a full queue
     * fails with a {@link dev.sobatch.client.BatchTransportException} whose request was not sent (and may be
     * retried).
     */
    public ReactiveBatchClientBuilder pendingAcquireMaxCount(int pendingAcquireMaxCount) {
        if (pendingAcquireMaxCount < 1 && pendingAcquireMaxCount != UNBOUNDED) {
            throw new IllegalArgumentException("pendingAcquireMaxCount must be at least 1, or -1 for no limit: "
                    + pendingAcquireMaxCount);
        }
        this.pendingAcquireMaxCount = pendingAcquireMaxCount;
        return this;
    }

    /**
     * How long a connection of the client's own pool may stay unused before the client closes it (default
     * 60 s, below IIS's 120 s keep-alive timeout, so that the client never sends on a connection the server is
     * closing). Idle connections are also closed in the background, checked every 30 s or every
     * {@code maxIdleTime} when that is shorter.
     */
    public ReactiveBatchClientBuilder maxIdleTime(Duration maxIdleTime) {
        this.maxIdleTime = positive(maxIdleTime, "maxIdleTime");
        return this;
    }

    /**
     * How long a connection of the client's own pool is used at most (default 5 min); older connections are
     * closed when they come back to the pool, so that a load balancer's new servers get connections too.
     */
    public ReactiveBatchClientBuilder maxLifeTime(Duration maxLifeTime) {
        this.maxLifeTime = positive(maxLifeTime, "maxLifeTime");
        return this;
    }

    /**
     * Logs each exchange (method, path, status, headers, body) at DEBUG to the SLF4J logger
     * {@code dev.sobatch.wire}, with tickets, application tokens and passwords replaced by {@code ***}.
     */
    public ReactiveBatchClientBuilder wireLogging(boolean wireLogging) {
        this.wireLogging = wireLogging;
        return this;
    }

    /**
     * A new client.
     *
     * @throws IllegalStateException when no endpoint or ticket source is set, or when the endpoint is on
     *         SuperOffice Online ({@code *.superoffice.com}) and no application token is set
     */
    public ReactiveBatchClient build() {
        if (endpoint == null) {
            throw new IllegalStateException("endpoint is required");
        }
        if (ticketSource == null) {
            throw new IllegalStateException("a ticket, ticket source or credentials are required");
        }
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if ((host.endsWith(".superoffice.com") || host.equals("superoffice.com")) && applicationToken == null) {
            throw new IllegalStateException("SuperOffice Online (" + host
                    + ") requires an application token: set applicationToken(...)");
        }
        return new ReactiveBatchClient(this);
    }

    static URI resolveEndpoint(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("endpoint must be an http or https URL, not '" + uri.getScheme() + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint must not carry user info, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.toLowerCase(Locale.ROOT).endsWith(".svc")) {
            return uri;
        }
        String joined = (path.endsWith("/") ? path : path + "/") + BATCH_PATH;
        return uri.resolve(joined);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
