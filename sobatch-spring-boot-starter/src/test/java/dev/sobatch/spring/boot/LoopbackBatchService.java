package dev.sobatch.spring.boot;

import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A Batch.svc stand-in on 127.0.0.1 that counts the TCP connections clients open and close, so that tests can
 * observe the client's connection pool. Every request gets the same SOAP 1.1 answer to GetBatchTaskInfosByState
 * (an empty list), encoded once up front so that the event loop only writes bytes.
 */
final class LoopbackBatchService implements AutoCloseable {

    private final byte[] answer;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private final DisposableServer server;

    LoopbackBatchService() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoapCodec.defaults().encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                ResponseHeaders.success(), BatchTaskInfoListResponse.of(List.of()), out);
        this.answer = out.toByteArray();
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, address) -> {
                    accepted.incrementAndGet();
                    channel.closeFuture().addListener(f -> closed.incrementAndGet());
                })
                .handle((req, res) -> req.receive().aggregate().then(Mono.defer(() -> {
                    requests.incrementAndGet();
                    return Mono.delay(delay).then(res.status(200)
                            .header("Content-Type", SoapVersion.SOAP_11.responseContentType())
                            .sendByteArray(Mono.just(answer)).then());
                })))
                .bindNow(Duration.ofSeconds(10));
    }

    /** The site base URL, to which the client appends Remote/Services88/Batch.svc. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** Holds every later answer back for {@code delay}. */
    void delayAnswers(Duration delay) {
        this.delay = delay;
    }

    int requests() {
        return requests.get();
    }

    /** Connections accepted since the start, closed ones included. */
    int acceptedConnections() {
        return accepted.get();
    }

    /** Connections closed since the start, by either side. */
    int closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
