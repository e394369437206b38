package dev.sobatch.blocking;

import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapRequest;
import dev.sobatch.soap.SoapVersion;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A Batch.svc stand-in for tests: a real Reactor Netty server on 127.0.0.1 that decodes each SOAP request
 * with the SDK's codec, records it, and answers with what the test's responder says.
 */
final class SoapTestServer implements AutoCloseable {
    static final String TICKET = "7T:test-ticket-secret";

    /** What the server received: the operation, the SOAPAction HTTP header and the decoded request. */
    record Received(String operation, String soapAction, String contentType, SoapRequest request) {
        <T> T payload(Class<T> type) {
            return request.payload(type);
        }
    }

    /** How to answer one request. */
    interface Reply {
        Mono<Void> send(SoapRequest request, HttpServerResponse response);

        /** HTTP 200 with the operation's response payload and success headers. */
        static Reply ok(Object payload) {
            return (req, res) -> write(res, 200, req.version().responseContentType(),
                    out -> SoapCodec.defaults().encodeResponse(req.version(), req.operation(),
                            ResponseHeaders.success(), payload, out));
        }

        /** HTTP 500 with a SOAP Fault, as WCF sends it. */
        static Reply fault(SoapFault fault) {
            return (req, res) -> write(res, 500, req.version().responseContentType(),
                    out -> SoapCodec.defaults().encodeFault(req.version(), fault, null, out));
        }

        /** HTTP 200 with the payload but headers reporting a failure. */
        static Reply withHeaders(ResponseHeaders headers, Object payload) {
            return (req, res) -> write(res, 200, req.version().responseContentType(),
                    out -> SoapCodec.defaults().encodeResponse(req.version(), req.operation(), headers, payload,
                            out));
        }

        /** Any status and body, e.g. a proxy's HTML error page. */
        static Reply raw(int status, String contentType, String body) {
            return (req, res) -> write(res, status, contentType,
                    out -> out.writeBytes(body.getBytes(StandardCharsets.UTF_8)));
        }

        /** Answers after a delay; cancelled (and counted) when the client goes away first. */
        static Reply delayed(Duration delay, Reply then) {
            return (req, res) -> Mono.delay(delay).then(then.send(req, res));
        }

        private static Mono<Void> write(HttpServerResponse res, int status, String contentType,
                java.util.function.Consumer<ByteArrayOutputStream> body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.accept(out);
            return res.status(HttpResponseStatus.valueOf(status))
                    .header("Content-Type", contentType)
                    .sendByteArray(Mono.just(out.toByteArray()))
                    .then();
        }
    }

    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private final AtomicInteger cancelledExchanges = new AtomicInteger();

    private SoapTestServer(Function<SoapRequest, Reply> responder) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnChannelInit((observer, channel, address) -> {
                    openConnections.incrementAndGet();
                    acceptedConnections.incrementAndGet();
                    channel.closeFuture().addListener(f -> openConnections.decrementAndGet());
                })
                .handle((req, res) -> req.receive().aggregate().asByteArray()
                        .flatMap(body -> {
                            SoapRequest request = SoapCodec.defaults().decodeRequest(
                                    new java.io.ByteArrayInputStream(body));
                            received.add(new Received(request.operation().operationName(),
                                    req.requestHeaders().get("SOAPAction"), req.requestHeaders().get("Content-Type"),
                                    request));
                            return responder.apply(request).send(request, res);
                        })
                        .doOnCancel(cancelledExchanges::incrementAndGet))
                .bindNow(Duration.ofSeconds(10));
    }

    /** Starts a server answering every request with {@code responder}'s reply. */
    static SoapTestServer start(Function<SoapRequest, Reply> responder) {
        return new SoapTestServer(responder);
    }

    /** Starts a server answering every request with the same reply. */
    static SoapTestServer answering(Supplier<Reply> reply) {
        return new SoapTestServer(request -> reply.get());
    }

    URI batchServiceUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/Remote/Services88/Batch.svc");
    }

    int port() {
        return server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    long receivedCount(BatchOperation operation) {
        return received.stream().filter(r -> r.operation().equals(operation.operationName())).count();
    }

    int openConnections() {
        return openConnections.get();
    }

    /** Connections accepted since the start, closed ones included. */
    int acceptedConnections() {
        return acceptedConnections.get();
    }

    int cancelledExchanges() {
        return cancelledExchanges.get();
    }

    static String soapAction(BatchOperation operation) {
        return SoapVersion.SOAP_11.soapActionHeader(operation).orElseThrow();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
