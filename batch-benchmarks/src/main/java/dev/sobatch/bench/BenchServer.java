package dev.sobatch.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The fixed-response server of the end-to-end benchmark, run in its own JVM so that its work never counts
 * as client allocation or CPU. Every POST is answered with pre-encoded bytes: a StartBatchJobResponse with a
 * new id each time (seven digits written into the same envelope, as a service answers), or, under
 * {@code /n{count}/...}, a GetBatchTaskInfosByState response with 10, 100 or 1,000 tasks.
 * Prints {@code PORT <port>} once listening; stops when its standard input closes.
 */
public final class BenchServer {
    static final int[] TASK_COUNTS = {10, 100, 1000};

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        StartAnswers start = new StartAnswers(Payloads.startResponseBytes());
        Map<Integer, ByteBuf> lists = new java.util.HashMap<>();
        for (int n : TASK_COUNTS) {
            lists.put(n, constant(Payloads.taskListResponseBytes(n)));
        }
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((req, res) -> answer(req, res, () -> bodyFor(req.uri(), res.alloc(), start, lists)))
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

    private static ByteBuf bodyFor(String uri, ByteBufAllocator alloc, StartAnswers start,
            Map<Integer, ByteBuf> lists) {
        if (uri.startsWith("/n")) {
            int slash = uri.indexOf('/', 2);
            ByteBuf list = lists.get(Integer.parseInt(uri.substring(2, slash)));
            if (list != null) {
                return list.duplicate();
            }
        }
        return start.next(alloc);
    }

    /** StartBatchJob answers: the encoded response, its seven-digit id replaced by the next one. */
    static final class StartAnswers {
        private final byte[] template;
        private final int idAt;
        private final AtomicInteger next = new AtomicInteger();

        StartAnswers(byte[] template) {
            this.template = template;
            String text = new String(template, StandardCharsets.UTF_8);
            this.idAt = text.lastIndexOf(">" + Payloads.STARTED_ID + "<") + 1;
            if (idAt <= 0) {
                throw new IllegalStateException("no id in the StartBatchJobResponse");
            }
        }

        ByteBuf next(ByteBufAllocator alloc) {
            int id = Payloads.STARTED_ID + Math.floorMod(next.getAndIncrement(), Payloads.ID_COUNT);
            ByteBuf buf = alloc.buffer(template.length).writeBytes(template);
            for (int i = idAt + 6; i >= idAt; i--, id /= 10) {
                buf.setByte(i, '0' + id % 10);
            }
            return buf;
        }
    }

    private static Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, Supplier<ByteBuf> body) {
        return req.receive().then(Mono.defer(() -> {
            ByteBuf out = body.get();
            return res.header(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                    .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(out.readableBytes()))
                    .send(Mono.just(out))
                    .then();
        }));
    }
}
