package dev.sobatch.reactive.testing;

import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapVersion;
import dev.sobatch.soap.SoapRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A recording HTTP server on 127.0.0.1 (Reactor Netty) for client tests: it records each request (headers,
 * body, decoded SOAP request) and answers from a per-test script, falling back to a default answer.
 */
public final class TestServer implements AutoCloseable {
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final java.util.Set<String> remotes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Answer fallback = Answer.raw(500, "text/plain", "no answer scripted");
    private final DisposableServer server;

    static {
        // JAXB and the XML factories load on first use through blocking class-path scans: do that here, not
        // on the server's event loop (where BlockHound would refuse it) when a test has not built a client yet.
        SoapCodec codec = SoapCodec.defaults();
        byte[] request = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO,
                RequestHeaders.none(), GetBatchTaskInfo.of(0));
        codec.decodeRequest(new ByteArrayInputStream(request));
        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO, ResponseHeaders.success(),
                BatchTaskInfoResponse.of(null), new java.io.ByteArrayOutputStream());
    }

    private TestServer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive().aggregate().asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            Recorded r = new Recorded(req.method().name(), req.uri(), req.requestHeaders().copy(),
                                    body, decode(body));
                            requests.add(r);
                            req.withConnection(c -> {
                                if (remotes.add(c.channel().id().asLongText())) {
                                    c.channel().closeFuture().addListener(f -> closed.incrementAndGet());
                                }
                                r.channel = c.channel();
                            });
                            Answer a = script.poll();
                            return Mono.from((a != null ? a : fallback).answer(r, req, res));
                        }))
                .bindNow();
    }

    public static TestServer start() {
        return new TestServer();
    }

    private static SoapRequest decode(byte[] body) {
        try {
            return SoapCodec.defaults().decodeRequest(new ByteArrayInputStream(body));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Queues answers for the next requests, in order. */
    public TestServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The answer once the script is used up. */
    public TestServer otherwise(Answer answer) {
        this.fallback = answer;
        return this;
    }

    public int port() {
        return server.port();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public URI batchUrl() {
        return baseUrl().resolve("Remote/Services88/Batch.svc");
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public Recorded last() {
        return requests.get(requests.size() - 1);
    }

    /** Distinct client connections (remote address and port) that sent requests so far. */
    public int connections() {
        return remotes.size();
    }

    /** Client connections that sent requests and have been closed since (by either side). */
    public int closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
