package dev.sobatch.reactive;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.SoPrincipalTicketSource;
import dev.sobatch.client.TicketSource;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapVersion;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapResponse;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.Fuseable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The resources of one client and its call pipeline: ticket → attempts (exchange + classification) under
 * the retry step → one re-authentication when the ticket was rejected → deadline → instrumentation.
 */
final class ClientRuntime {
    private static final Duration EVICT_EVERY = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final URI soPrincipalUrl;
    private final String host;
    private final String applicationToken;
    private final TicketSource tickets;
    private final Duration deadline;
    private final ConnectionProvider ownedProvider;
    private final Exchange exchange;
    private final RetryStep retry;
    private final Instrumentation instrumentation;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientRuntime(ReactiveBatchClientBuilder b) {
        this.endpoint = b.endpoint;
        this.soPrincipalUrl = soPrincipalUrl(b.endpoint);
        this.host = b.endpoint.getHost();
        this.applicationToken = b.applicationToken;
        this.deadline = b.deadline;
        this.instrumentation = Instrumentation.create(b.meterRegistry, b.observationRegistry, host, b.soapVersion);
        this.retry = new RetryStep(b.retryPolicy, b.retryPolicy.budget().newBucket(), instrumentation, closed::get);

        ConnectionProvider owned = null;
        HttpClient base;
        if (b.httpClient != null) {
            base = b.httpClient;
        } else {
            ConnectionProvider provider = b.connectionProvider;
            if (provider == null) {
                owned = ConnectionProvider.builder("sobatch-" + host)
                        .maxConnections(b.maxConnections)
                        .pendingAcquireTimeout(b.pendingAcquireTimeout)
                        .pendingAcquireMaxCount(b.pendingAcquireMaxCount)
                        .maxIdleTime(b.maxIdleTime)
                        .maxLifeTime(b.maxLifeTime)
                        // Idle connections are also closed while no call runs, not only when the next acquires.
                        .evictInBackground(b.maxIdleTime.compareTo(EVICT_EVERY) < 0 ? b.maxIdleTime : EVICT_EVERY)
                        .build();
                provider = owned;
            }
            base = HttpClient.create(provider);
        }
        this.ownedProvider = owned;
        // The response timeout is the attempt's own timer (Exchange), not Reactor Netty's responseTimeout, which
        // adds and removes a handler and schedules an event-loop task for every request.
        HttpClient http = base
                .compress(true)
                .disableRetry(true)
                .keepAlive(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, b.connectTimeout.toMillis()));
        SoapCodec codec = SoapCodec.withMaxInputBytes(b.maxResponseBytes);
        warmUp(codec, b.soapVersion);
        DeadlineTimer.start();
        Classifier classifier = new Classifier(codec, host, b.responseTimeout);
        this.exchange = new Exchange(http, codec, b.soapVersion, classifier, b.maxResponseBytes, b.responseTimeout,
                new WireLogger(b.wireLogging));
        this.tickets = b.ticketSource instanceof SoPrincipalTicketSource sp && !sp.isBound()
                ? sp.bind(this::authenticate) : b.ticketSource;
    }

    /**
     * Encodes and decodes one small message on the building thread, so that the JAXB context and the XML
     * factories (found via class-path scans that read jar files) are loaded here, and never block an event
     * loop on the first call.
     */
    private static void warmUp(SoapCodec codec, SoapVersion version) {
        BatchOperation op = BatchOperation.GET_BATCH_TASK_INFO;
        codec.encodeRequest(version, op, RequestHeaders.none(), GetBatchTaskInfo.of(0));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        codec.encodeResponse(version, op, ResponseHeaders.success(), BatchTaskInfoResponse.of(null), out);
        codec.decodeResponse(op, out.toByteArray());
    }

    static ClientRuntime create(ReactiveBatchClientBuilder b) {
        return new ClientRuntime(b);
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * One logical call of a Batch.svc operation, emitting its response payload. On a closed client it fails
     * with {@link #closedError(Throwable)} on subscription, before the ticket source is asked or anything is
     * recorded.
     */
    <T> Mono<T> call(BatchOperation op, Object payload, Class<T> responseType) {
        return Mono.defer(() -> closed.get() ? Mono.error(closedError(null)) : open(op, payload, responseType));
    }

    private <T> Mono<T> open(BatchOperation op, Object payload, Class<T> responseType) {
        Mono<String> ticketMono = tickets.ticket();
        String known = scalarValue(ticketMono);
        Mono<SoapResponse> logical = known != null ? withTicket(op, payload, known)
                : ticketMono.switchIfEmpty(Mono.error(() -> new IllegalStateException("the ticket source completed empty")))
                        .flatMap(ticket -> withTicket(op, payload, ticket));
        return instrumentation.observe(op, withDeadline(op, logical))
                .map(r -> responseType.cast(r.payload(op.responseType())));
    }

    /** The attempts with this ticket, and once more with a fresh one when the service rejected it. */
    private Mono<SoapResponse> withTicket(BatchOperation op, Object payload, String ticket) {
        return attempts(op, endpoint, RequestHeaders.of(applicationToken, ticket), payload)
                .onErrorResume(ClientRuntime::ticketRejected, e -> tickets.refresh(ticket)
                        .flatMap(fresh -> attempts(op, endpoint, RequestHeaders.of(applicationToken, fresh), payload)));
    }

    /**
     * The ticket when the source answered with a value known at once ({@code Mono.just}, as a fixed ticket
     * does), so that the call need not wait for it through two more operators; otherwise {@code null}.
     */
    private static String scalarValue(Mono<String> ticket) {
        if (ticket instanceof Fuseable.ScalarCallable<?> scalar) {
            try {
                return scalar.call() instanceof String s ? s : null;
            } catch (Exception e) {
                return null; // an error: the ordinary path reports it
            }
        }
        return null;
    }

    /** All attempts of one request with one set of headers, under the retry step. */
    private Mono<SoapResponse> attempts(SoapOperation op, URI url, RequestHeaders headers, Object payload) {
        return Mono.defer(() -> {
            if (closed.get()) { // e.g. a re-authentication or the call after it, once the client was closed
                return Mono.error(closedError(null));
            }
            instrumentation.attempt(op, "first");
            return attempt(op, url, headers, payload, 0);
        })
                .doOnNext(r -> retry.bucket().onSuccess())
                .onErrorMap(AttemptFailure.class, AttemptFailure::error);
    }

    /**
     * Attempt number {@code retries + 1}, followed on failure by what the retry step decides. The retry step
     * joins through {@code onErrorResume}, whose function runs only on failure (a {@code retryWhen} would build
     * its companion flux and sink on every call); with a one-attempt policy it is left out altogether.
     */
    private Mono<SoapResponse> attempt(SoapOperation op, URI url, RequestHeaders headers, Object payload,
            long retries) {
        Mono<SoapResponse> one = exchange.attempt(op, url, headers, payload);
        if (!retry.mayRetry()) {
            return one;
        }
        return one.onErrorResume(AttemptFailure.class, af -> retry.afterFailure(op, af, retries,
                () -> attempt(op, url, headers, payload, retries + 1)));
    }

    /**
     * Bounds a call by the deadline, and tells the retry step when it ends (in the subscriber context, as a
     * {@link RetryStep#DEADLINE} in the parallel scheduler's nanoseconds, so virtual time applies).
     */
    private <T> Mono<T> withDeadline(SoapOperation op, Mono<T> call) {
        return new Deadline<>(call, deadline, op.operationName(), host);
    }

    /** SoPrincipal's AuthenticateUsernamePassword, with the same transport, retries and deadline. */
    private Mono<String> authenticate(String username, String password) {
        SoPrincipalOperation op = SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD;
        Mono<String> call = attempts(op, soPrincipalUrl, RequestHeaders.of(applicationToken, null),
                AuthenticateUsernamePassword.of(username, password))
                .flatMap(r -> {
                    AuthenticateResponse a = r.payload(AuthenticateResponse.class);
                    if (!a.authenticationSucceeded() || a.ticket() == null || a.ticket().isBlank()) {
                        return Mono.error(new BatchServiceException(op.operationName(), host, 200,
                                SoExceptionInfo.builder().message("authentication failed: user name or password "
                                        + "not accepted").exceptionType("SoAuthenticationFailed").build()));
                    }
                    return Mono.just(a.ticket());
                });
        return instrumentation.observe(op, withDeadline(op, call));
    }

    /** Whether the service said the ticket is invalid or expired (and re-authenticating may help). */
    static boolean ticketRejected(Throwable e) {
        if (!(e instanceof BatchServiceException se)) {
            return false;
        }
        SoExceptionInfo info = se.exceptionInfo().orElse(null);
        if (info != null && info.exceptionType() != null
                && info.exceptionType().toLowerCase(Locale.ROOT).contains("sosecurityexception")) {
            return true;
        }
        String text = (se.serviceMessage() + " " + (info == null ? "" : String.valueOf(info.message())))
                .toLowerCase(Locale.ROOT);
        return text.contains("ticket") && (text.contains("invalid") || text.contains("expired")
                || text.contains("not valid") || text.contains("unknown"));
    }

    static URI soPrincipalUrl(URI batchEndpoint) {
        String path = batchEndpoint.getRawPath();
        int slash = path.lastIndexOf('/');
        return batchEndpoint.resolve(path.substring(0, slash + 1) + "SoPrincipal.svc");
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed.get();
    }

    /** What calls on a closed client fail with; {@code cause} is the last error of a call that was in flight. */
    static IllegalStateException closedError(Throwable cause) {
        return new IllegalStateException("client is closed", cause);
    }

    /** A publisher that fails with {@link #closedError} on subscription once the client is closed. */
    <T> Flux<T> whileOpen(Supplier<Flux<T>> calls) {
        return Flux.defer(() -> closed.get() ? Flux.error(closedError(null)) : calls.get());
    }

    /**
     * Refuses new calls and attempts, then releases the owned pool. Idempotent. The flag is set first, so that
     * no call made after this began acquires a connection: Reactor Netty would quietly create a fresh pool on
     * the disposed provider.
     */
    void close() {
        if (!closed.compareAndSet(false, true) || ownedProvider == null || ownedProvider.isDisposed()) {
            return;
        }
        if (Schedulers.isInNonBlockingThread()) {
            ownedProvider.dispose(); // never block an event loop: close the pool in the background
        } else {
            // Closed connections before returning, so that a server stopped next does not wait for them.
            ownedProvider.disposeLater().block(CLOSE_TIMEOUT);
        }
    }

    static BatchException unwrap(Throwable t) {
        return t instanceof AttemptFailure af ? af.error() : null;
    }
}
