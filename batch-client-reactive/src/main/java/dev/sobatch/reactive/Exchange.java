package dev.sobatch.reactive;

import dev.sobatch.soap.EncodedHead;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapResponse;
import dev.sobatch.soap.SoapVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.netty.ByteBufFlux;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.context.Context;

/**
 * One HTTP attempt: encodes the envelope straight into a pooled {@link ByteBuf}, POSTs it, reads the
 * response body within the size limit and the response timeout, and hands the result to the
 * {@link Classifier}. Whether the request was written is recorded in the attempt's {@link AttemptState} by
 * the function that sends the body: Reactor Netty calls it once a connection is ready, and its write
 * completes once the request was handed to the network.
 */
final class Exchange {
    private final HttpClient http;
    private final SoapCodec codec;
    private final SoapVersion version;
    private final Classifier classifier;
    private final long maxResponseBytes;
    private final long responseTimeoutNanos;
    private final WireLogger wire;
    private final Map<SoapOperation, Target> targets = new ConcurrentHashMap<>();
    /**
     * The envelope and headers of the last request, encoded once: with a fixed ticket they are the same for
     * every call. Kept here, with the client, because it holds the ticket and token.
     */
    private volatile EncodedHead head;

    Exchange(HttpClient http, SoapCodec codec, SoapVersion version, Classifier classifier, long maxResponseBytes,
            Duration responseTimeout, WireLogger wire) {
        this.http = http;
        this.codec = codec;
        this.version = version;
        this.classifier = classifier;
        this.maxResponseBytes = maxResponseBytes;
        this.responseTimeoutNanos = responseTimeout.toNanos();
        this.wire = wire;
    }

    /**
     * The request side that is the same for every call of one operation: URL, Content-Type and SOAPAction.
     * Built once per operation, because each {@code HttpClient} configuration step copies the whole
     * configuration, and header values computed per call allocate.
     */
    private static final class Target {
        final URI url;
        final String path;
        final HttpClient.RequestSender sender;
        final Map<String, String> headers;

        Target(HttpClient http, SoapVersion version, SoapOperation op, URI url) {
            this.url = url;
            this.path = url.getRawPath();
            Map<String, String> h = new LinkedHashMap<>();
            h.put(HttpHeaderNames.CONTENT_TYPE.toString(), version.contentType(op));
            version.soapActionHeader(op).ifPresent(a -> h.put("SOAPAction", a));
            this.headers = Collections.unmodifiableMap(h);
            this.sender = http.headers(out -> h.forEach(out::set)).post().uri(url);
        }
    }

    private Target target(SoapOperation op, URI url) {
        Target t = targets.get(op);
        if (t == null || !t.url.equals(url)) {
            t = new Target(http, version, op, url);
            targets.put(op, t);
        }
        return t;
    }

    /** One attempt; fails with an {@link AttemptFailure}. Cold: the request is sent per subscription. */
    Mono<SoapResponse> attempt(SoapOperation op, URI url, RequestHeaders headers, Object payload) {
        return new Attempt(op, target(op, url), headers, payload);
    }

    /**
     * The attempt as one operator: per subscription a fresh {@link AttemptState}, the exchange, the response
     * timeout, then classification of its response or error ({@code defer}, {@code single},
     * {@code onErrorMap} and {@code map} in one subscriber).
     */
    private final class Attempt extends Mono<SoapResponse> {
        private final SoapOperation op;
        private final Target target;
        private final RequestHeaders headers;
        private final Object payload;
        /** What this attempt sends, blanked in what a failure or the wire log quotes (references only). */
        private final Redactor.Sent sent;

        Attempt(SoapOperation op, Target target, RequestHeaders headers, Object payload) {
            this.op = op;
            this.target = target;
            this.headers = headers;
            this.payload = payload;
            this.sent = Redactor.Sent.of(headers, payload);
        }

        @Override
        public void subscribe(CoreSubscriber<? super SoapResponse> actual) {
            AttemptSubscriber attempt = new AttemptSubscriber(actual, op, sent);
            target.sender
                    .send((req, out) -> attempt.sending(out.send(Mono.fromCallable(() -> encode(out.alloc(), op,
                            headers, payload, target, sent)))))
                    .response(this::read)
                    .subscribe(attempt);
        }

        private Mono<RawResponse> read(HttpClientResponse res, ByteBufFlux body) {
            int status = res.status().code();
            long declared = contentLength(res.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
            if (declared > maxResponseBytes) {
                return Mono.error(new BodyAccumulator.TooLarge(maxResponseBytes));
            }
            return body.reduceWith(() -> new BodyAccumulator(maxResponseBytes, declared), BodyAccumulator::append)
                    .map(acc -> {
                        byte[] bytes = acc.toByteArray();
                        if (wire.active()) {
                            wire.response(op.operationName(), target.path, status, res.responseHeaders(), bytes,
                                    sent);
                        }
                        return new RawResponse(status, res.responseHeaders(), bytes);
                    });
        }
    }

    /**
     * Receives the exchange's single response (like {@code single()}: emitted once the exchange completed), and
     * ends the attempt with a {@link ReadTimeoutException} when no complete response came within the response
     * timeout after the request was written. Ends once: by the response, an error, the timeout or a cancel.
     */
    private final class AttemptSubscriber implements CoreSubscriber<RawResponse>, Subscription {
        private static final int ACTIVE = 0;
        private static final int DONE = 1;
        private static final AtomicIntegerFieldUpdater<AttemptSubscriber> STATE =
                AtomicIntegerFieldUpdater.newUpdater(AttemptSubscriber.class, "done");
        private static final AtomicReferenceFieldUpdater<AttemptSubscriber, Disposable> TIMER =
                AtomicReferenceFieldUpdater.newUpdater(AttemptSubscriber.class, Disposable.class, "timer");
        private static final Disposable STOPPED = Disposables.disposed();

        private final CoreSubscriber<? super SoapResponse> actual;
        private final SoapOperation op;
        private final Redactor.Sent sent;
        private final AttemptState state = new AttemptState();
        private Subscription upstream;
        private RawResponse response;
        private volatile int done;
        private volatile Disposable timer;

        AttemptSubscriber(CoreSubscriber<? super SoapResponse> actual, SoapOperation op, Redactor.Sent sent) {
            this.actual = actual;
            this.op = op;
            this.sent = sent;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        /**
         * Called by Reactor Netty once a connection is ready for this request, with the outbound that writes the
         * body; from here on the request may reach the service, and once that write completed it did.
         */
        Mono<Void> sending(NettyOutbound outbound) {
            state.markConnected();
            return outbound.then().doOnSuccess(v -> written());
        }

        private void written() {
            state.markWritten();
            Disposable t = DeadlineTimer.after(responseTimeoutNanos, this::timedOut);
            if (!TIMER.compareAndSet(this, null, t)) {
                t.dispose(); // the attempt ended meanwhile
            }
        }

        private void timedOut() {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                upstream.cancel(); // Reactor Netty closes a connection whose response was not read to its end
                actual.onError(classifier.classifyError(op, ReadTimeoutException.INSTANCE, state, sent));
            }
        }

        private void stopTimer() {
            Disposable t = TIMER.getAndSet(this, STOPPED);
            if (t != null) {
                t.dispose();
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(RawResponse r) {
            if (done == DONE || response != null) {
                return; // at most one response per exchange
            }
            response = r;
        }

        @Override
        public void onError(Throwable t) {
            if (!STATE.compareAndSet(this, ACTIVE, DONE)) {
                Operators.onErrorDropped(t, currentContext());
                return;
            }
            stopTimer();
            actual.onError(t instanceof AttemptFailure ? t : classifier.classifyError(op, t, state, sent));
        }

        @Override
        public void onComplete() {
            if (!STATE.compareAndSet(this, ACTIVE, DONE)) {
                return;
            }
            stopTimer();
            RawResponse r = response;
            if (r == null) {
                actual.onError(classifier.classifyError(op, new NoSuchElementException("Source was empty"), state,
                        sent));
                return;
            }
            SoapResponse decoded;
            try {
                decoded = classifier.classify(op, r, sent);
            } catch (RuntimeException e) {
                actual.onError(e);
                return;
            }
            actual.onNext(decoded);
            actual.onComplete();
        }

        @Override
        public void request(long n) {
            upstream.request(Long.MAX_VALUE); // one response at most; like single(), read it whole
        }

        @Override
        public void cancel() {
            if (STATE.compareAndSet(this, ACTIVE, DONE)) {
                stopTimer();
            }
            upstream.cancel();
        }
    }

    private ByteBuf encode(ByteBufAllocator alloc, SoapOperation op, RequestHeaders headers, Object payload,
            Target target, Redactor.Sent sent) {
        ByteBuf buf = alloc.buffer(1024);
        try {
            codec.encodeRequest(head(headers), op, payload, new ByteBufOutputStream(buf));
        } catch (RuntimeException | Error e) {
            buf.release();
            throw e;
        }
        if (wire.active()) {
            wire.request(op.operationName(), target.path, target.headers, buf.toString(StandardCharsets.UTF_8),
                    sent);
        }
        return buf;
    }

    private EncodedHead head(RequestHeaders headers) {
        EncodedHead h = head;
        if (h == null || !h.isFor(version, headers)) {
            h = codec.encodeHead(version, headers);
            head = h;
        }
        return h;
    }

    private static long contentLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
