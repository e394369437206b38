package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.soap.SoapCodec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * An in-memory SuperOffice NetServer Services88 {@code Batch.svc} (with {@code SoPrincipal.svc}'s
 * AuthenticateUsernamePassword) on a local port: what Azurite is to Azure Storage.
 *
 * <pre>{@code
 * try (BatchSimulator sim = BatchSimulator.start()) {
 *     ReactiveBatchClient client = ReactiveBatchClient.builder()
 *             .endpoint(sim.batchServiceUrl()).ticket(sim.ticket()).build();
 *     ...
 *     assertThat(sim.requestCount("StartBatchJob")).isEqualTo(1);
 * }
 * }</pre>
 *
 * The simulator speaks SOAP 1.1 (the WSDL's binding) and 1.2, keeps tasks in memory with a realistic
 * lifecycle driven by its {@link #clock()}, records every request and injects {@link #faults()} on demand.
 * It runs on its own small event loop group, so it neither shares nor blocks the threads of the client
 * under test. Thread-safe.
 */
public final class BatchSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchSimulator.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorConfig config;
    private final LoopResources loops;
    private final DisposableServer server;
    private final TaskStore store;
    private final Authenticator authenticator;
    private final RequestRecorder recorder;
    private final FaultInjector faults;
    private final URI baseUrl;
    private volatile boolean closed;

    private BatchSimulator(SimulatorConfig config) {
        this.config = config;
        this.store = new TaskStore(config.capacity());
        this.authenticator = new Authenticator(config);
        this.recorder = new RequestRecorder(config.maxRecordedRequests());
        this.faults = new FaultInjector();
        SoapDispatcher dispatcher = new SoapDispatcher(SoapCodec.withMaxInputBytes(config.maxRequestBytes()),
                authenticator, new BatchService(store, config));
        dispatcher.warmUp();
        HttpFront front = new HttpFront(config.maxRequestBytes(), recorder, faults, dispatcher);
        this.loops = LoopResources.create("sobatch-sim", 1, 2, true);
        try {
            this.server = HttpServer.create()
                    .host(config.host())
                    .port(config.port())
                    .runOn(loops)
                    .handle(front::handle)
                    .bindNow(BIND_TIMEOUT);
        } catch (RuntimeException e) {
            loops.dispose();
            throw new IllegalStateException("cannot start the simulator on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/");
        log.debug("Batch.svc simulator listening on {}", batchServiceUrl());
    }

    /** Starts a simulator with the defaults: a free port on 127.0.0.1 and one random ticket. */
    public static BatchSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    /** Starts a simulator; returns once it listens. */
    public static BatchSimulator start(SimulatorConfig config) {
        return new BatchSimulator(Objects.requireNonNull(config, "config"));
    }

    /** The site root, e.g. {@code http://127.0.0.1:41234/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code …/Remote/Services88/Batch.svc}. */
    public URI batchServiceUrl() {
        return baseUrl.resolve(Endpoint.BATCH.path());
    }

    /** {@code …/Remote/Services88/SoPrincipal.svc}. */
    public URI soPrincipalUrl() {
        return baseUrl.resolve(Endpoint.SO_PRINCIPAL.path());
    }

    public int port() {
        return server.port();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A ticket this simulator accepts (the first configured one, or a random one). A secret: do not log it. */
    public String ticket() {
        return config.tickets().get(0);
    }

    /** The application token required in online mode, or {@code null}. */
    public String applicationToken() {
        return config.applicationToken();
    }

    /** Makes a ticket invalid from now on, as when it expires; answers whether it was valid. */
    public boolean revokeTicket(String ticket) {
        return authenticator.revoke(ticket);
    }

    /** The requests received so far, in arrival order (at most {@link SimulatorConfig#maxRecordedRequests()}). */
    public List<RecordedRequest> requests() {
        return recorder.snapshot();
    }

    /** How many recorded requests were for this operation, e.g. {@code "StartBatchJob"}. */
    public long requestCount(String operationName) {
        return recorder.count(Objects.requireNonNull(operationName, "operationName"));
    }

    public void clearRequests() {
        recorder.clear();
    }

    /** Arms faults for later requests. */
    public FaultInjector faults() {
        return faults;
    }

    /** The clock tasks live by; with a manual clock, {@code clock().advance(...)} moves them forward. */
    public SimulatorClock clock() {
        return config.clock();
    }

    /** A task as a client would see it now. */
    public Optional<BatchTaskInfo> task(int id) {
        return store.view(id, config.clock().now());
    }

    /** Every task as a client would see it now, by id. */
    public List<BatchTaskInfo> tasks() {
        return store.views(config.clock().now());
    }

    /** Forgets every task (ids keep counting up). */
    public void clearTasks() {
        store.clear();
    }

    public boolean isRunning() {
        return !closed && !server.isDisposed();
    }

    /** Same as {@link #close()}. */
    public void stop() {
        close();
    }

    /** Stops listening and releases the port and threads; idempotent. Must not be called on an event loop. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.disposeNow(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.debug("simulator did not stop cleanly", e);
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
    }

    @Override
    public String toString() {
        return "BatchSimulator[" + baseUrl + (closed ? ", closed" : "") + "]";
    }
}
