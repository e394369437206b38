package dev.sobatch.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The fixed-response server of the end-to-end benchmark, run in its own JVM so that its work never counts
 * as client allocation or CPU. Every POST is answered with pre-encoded bytes: a StartBatchJobResponse, or,
 * under {@code /n{count}/...}, a GetBatchTaskInfosByState response with 10, 100 or 1,000 tasks.
 * Prints {@code PORT <port>} once listening; stops when its standard input closes.
 */
public final class BenchServer {
    static final int[] TASK_COUNTS = {10, 100, 1000};

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ByteBuf start = constant(Payloads.startResponseBytes());
        Map<Integer, ByteBuf> lists = new java.util.HashMap<>();
        for (int n : TASK_COUNTS) {
            lists.put(n, constant(Payloads.taskListResponseBytes(n)));
        }
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((req, res) -> answer(req, res, bodyFor(req.uri(), start, lists)))
                .bindNow();
        System.out.println("PORT " + server.port());
        System.out.flush();
        CountDownLatch stdinClosed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the harness never writes; EOF means it is gone
                }
            } catch (java.io.IOException ignored) {
                // treat as closed
            }
            stdinClosed.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stdinClosed.await();
        server.disposeNow();
    }

    private static ByteBuf constant(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }

    private static ByteBuf bodyFor(String uri, ByteBuf start, Map<Integer, ByteBuf> lists) {
        if (uri.startsWith("/n")) {
            int slash = uri.indexOf('/', 2);
            ByteBuf list = lists.get(Integer.parseInt(uri.substring(2, slash)));
            if (list != null) {
                return list;
            }
        }
        return start;
    }

    private static Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, ByteBuf body) {
        ByteBuf out = body.duplicate();
        return req.receive().then(Mono.defer(() -> res
                .header(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(out.readableBytes()))
                .send(Mono.just(out))
                .then()));
    }
}
