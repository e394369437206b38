package dev.sobatch.reliability.faults;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapRequest;
import dev.sobatch.soap.SoapVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * A loopback HTTP server whose every answer is scripted per test, down to the TCP level: it can reset a
 * connection, stop in the middle of a body, drip bytes, or answer anything at all. Built on Reactor Netty's
 * {@link TcpServer} with a raw handler, because an HTTP server would refuse to produce most of these faults.
 * Counts what it received, per operation, and the connections it accepted and still holds open.
 */
final class FaultServer implements AutoCloseable {
    /** What the server does with one complete request. */
    interface Behaviour {
        void respond(Call call);

        /** Reset each connection as soon as it is accepted, before reading anything. */
        default boolean resetOnAccept() {
            return false;
        }
    }

    private static final SoapCodec CODEC = SoapCodec.defaults();

    private final Behaviour behaviour;
    private final DisposableServer server;
    private final boolean tls;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Integer> idsHandedOut = new CopyOnWriteArrayList<>();
    private final List<String> rawRequests = new CopyOnWriteArrayList<>();

    private FaultServer(Behaviour behaviour, SslContext ssl) {
        this.behaviour = behaviour;
        this.tls = ssl != null;
        TcpServer tcp = TcpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, address) -> {
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    channel.closeFuture().addListener(f -> open.decrementAndGet());
                })
                .doOnConnection(conn -> {
                    if (behaviour.resetOnAccept()) {
                        conn.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                        conn.channel().close();
                        return;
                    }
                    conn.addHandlerLast("fault-server", new Handler());
                })
                // subscribing to the inbound keeps reads flowing; the raw handler before it takes every byte
                .handle((in, out) -> in.receive().then());
        if (ssl != null) {
            tcp = tcp.secure(spec -> spec.sslContext(ssl));
        }
        this.server = tcp.bindNow(Duration.ofSeconds(10));
    }

    static FaultServer start(Behaviour behaviour) {
        return new FaultServer(behaviour, null);
    }

    static FaultServer startTls(Behaviour behaviour, SslContext ssl) {
        return new FaultServer(behaviour, ssl);
    }

    int port() {
        return ((InetSocketAddress) server.address()).getPort();
    }

    URI batchUrl() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port() + "/Remote/Services88/Batch.svc");
    }

    /** Complete requests received (parsed up to the end of their body). */
    int requests() {
        return requests.get();
    }

    /** Complete requests for one operation, by WSDL name. */
    long requests(String operationName) {
        return operations.stream().filter(operationName::equals).count();
    }

    /** Connections accepted (TCP level, before any TLS handshake). */
    int accepted() {
        return accepted.get();
    }

    /** Connections still open. */
    int openConnections() {
        return open.get();
    }

    /** StartBatchJob ids the server handed out in successful answers. */
    List<Integer> idsHandedOut() {
        return List.copyOf(idsHandedOut);
    }

    /** The raw request texts (headers and body), for secret checks. */
    List<String> rawRequests() {
        return List.copyOf(rawRequests);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }

    /** One request and the means to answer it; all methods run on the connection's event loop. */
    final class Call {
        final ChannelHandlerContext ctx;
        final int nth;
        final String operation;
        final SoapVersion version;
        final Map<String, String> headers;
        /** The request body as received, e.g. for an error page that echoes it. */
        final byte[] body;

        Call(ChannelHandlerContext ctx, int nth, String operation, SoapVersion version, Map<String, String> headers,
                byte[] body) {
            this.ctx = ctx;
            this.nth = nth;
            this.operation = operation;
            this.version = version;
            this.headers = headers;
            this.body = body;
        }

        /** The success answer of the operation, as a real service would give it. */
        byte[] successBody() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (BatchOperation.START_BATCH_JOB.operationName().equals(operation)) {
                int id = nextId.incrementAndGet();
                idsHandedOut.add(id);
                CODEC.encodeResponse(version, BatchOperation.START_BATCH_JOB, ResponseHeaders.success(),
                        IntResponse.of(id), out);
            } else {
                CODEC.encodeResponse(version, BatchOperation.GET_BATCH_TASK_INFO, ResponseHeaders.success(),
                        BatchTaskInfoResponse.of(BatchTaskInfo.named("Export").id(7).state(BatchTaskState.STARTED)
                                .build()), out);
            }
            return out.toByteArray();
        }

        void respond(int status, String contentType, byte[] body, String... extraHeaders) {
            write(head(status, contentType, body.length, extraHeaders), body);
        }

        void respondSuccess() {
            respond(200, version.responseContentType(), successBody());
        }

        /** Status line and headers; {@code length < 0} leaves Content-Length out. */
        byte[] head(int status, String contentType, long length, String... extraHeaders) {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                    .append("\r\n");
            if (contentType != null) {
                sb.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (length >= 0) {
                sb.append("Content-Length: ").append(length).append("\r\n");
            }
            for (String h : extraHeaders) {
                sb.append(h).append("\r\n");
            }
            return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        void write(byte[]... parts) {
            for (byte[] part : parts) {
                ctx.write(Unpooled.wrappedBuffer(part));
            }
            ctx.flush();
        }

        void closeAfterFlush() {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        /** Closes with a TCP RST instead of a FIN. */
        void reset() {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.channel().close();
        }

        void later(Duration delay, Runnable action) {
            ctx.executor().schedule(() -> {
                if (ctx.channel().isActive()) {
                    action.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Writes {@code bytes} one at a time, {@code every} apart, while the connection lasts. */
        void drip(byte[] bytes, int from, Duration every) {
            if (from >= bytes.length) {
                return;
            }
            later(every, () -> {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {bytes[from]}));
                drip(bytes, from + 1, every);
            });
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final RawHttp http = new RawHttp();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf buf)) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            http.append(bytes);
            RawHttp.Request request;
            while ((request = http.next()) != null) {
                handle(ctx, request);
            }
        }

        private void handle(ChannelHandlerContext ctx, RawHttp.Request request) {
            int nth = requests.incrementAndGet();
            rawRequests.add(request.requestLine() + "\n" + request.headers() + "\n"
                    + new String(request.body(), StandardCharsets.UTF_8));
            String operation;
            SoapVersion version;
            try {
                SoapRequest decoded = CODEC.decodeRequest(new java.io.ByteArrayInputStream(request.body()));
                operation = decoded.operation().operationName();
                version = decoded.version();
                if (decoded.payload() instanceof GetBatchTaskInfo) {
                    operation = BatchOperation.GET_BATCH_TASK_INFO.operationName();
                }
            } catch (SoapDecodingException e) {
                operation = "undecodable";
                version = SoapVersion.SOAP_11;
            }
            operations.add(operation);
            behaviour.respond(new Call(ctx, nth, operation, version, request.headers(), request.body()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
