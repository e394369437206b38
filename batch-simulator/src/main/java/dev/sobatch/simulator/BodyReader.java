package dev.sobatch.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Aggregates a request body up to a limit, like WCF's {@code maxReceivedMessageSize}. A body beyond it (a
 * declared Content-Length, or a chunked body once it grows beyond it) is refused with {@link TooLarge}, but
 * only after the rest of it has been read and dropped: closing a connection with unread request bytes
 * makes the kernel answer them with a reset, and a client still sending then loses the 413 (the lingering
 * close of RFC 9112 §9.6). The drain is bounded by {@link #DRAIN_TIME} and by
 * {@link #drainBytes(int)}; nothing of it is buffered (Reactor Netty releases each chunk after delivery).
 */
final class BodyReader {
    /** At most this long to read and drop the rest of a body beyond the limit. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(5);
    private static final long MIN_DRAIN_BYTES = 16L << 20;

    /** The body exceeds the limit. Control flow only. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean fullyRead;

        TooLarge(long limit, boolean fullyRead) {
            super("request body exceeds " + limit + " bytes", null, false, false);
            this.fullyRead = fullyRead;
        }

        /** Whether the whole body was read (and dropped), so the connection holds no unread request bytes. */
        boolean fullyRead() {
            return fullyRead;
        }
    }

    private BodyReader() {
    }

    /** How many bytes beyond the limit are read and dropped before giving up: 4× the limit, at least 16 MiB. */
    static long drainBytes(int maxBytes) {
        return Math.max(4L * maxBytes, MIN_DRAIN_BYTES);
    }

    static Mono<byte[]> read(HttpServerRequest request, int maxBytes) {
        long declared = declaredLength(request);
        if (declared > maxBytes && (declared - maxBytes > drainBytes(maxBytes) || expectsContinue(request))) {
            // not worth draining, or not sent yet: the client waits for "100 Continue", which reading would send
            return Mono.error(new TooLarge(maxBytes, false));
        }
        return Mono.defer(() -> {
            Body body = new Body(maxBytes, drainBytes(maxBytes));
            if (declared > maxBytes) {
                body.overflow();
            }
            return request.receive()
                    .takeUntilOther(body.overflowed.asMono().then(Mono.delay(DRAIN_TIME)).doOnSuccess(t -> body.cut()))
                    .reduce(body, Body::append)
                    .defaultIfEmpty(body)
                    .flatMap(Body::result);
        });
    }

    private static long declaredLength(HttpServerRequest request) {
        String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException ignored) {
            return -1; // Netty has already refused a malformed Content-Length; nothing more to check
        }
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.requestHeaders().get(HttpHeaderNames.EXPECT);
        return expect != null && HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim());
    }

    /** The bytes so far; once over the limit, only a count of the dropped bytes. Used on one connection. */
    private static final class Body {
        private final int maxBytes;
        private final long drainBytes;
        private final Sinks.Empty<Void> overflowed = Sinks.empty();
        private ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        private long dropped;
        private volatile boolean cut;

        Body(int maxBytes, long drainBytes) {
            this.maxBytes = maxBytes;
            this.drainBytes = drainBytes;
        }

        Body append(ByteBuf buf) {
            int n = buf.readableBytes();
            if (out != null && (long) out.size() + n > maxBytes) {
                dropped = out.size();
                overflow();
            }
            if (out == null) {
                dropped += n;
                if (dropped - maxBytes > drainBytes) {
                    throw new TooLarge(maxBytes, false); // cancels the receive: the rest stays unread
                }
                return this;
            }
            byte[] chunk = new byte[n];
            buf.getBytes(buf.readerIndex(), chunk);
            out.write(chunk, 0, n);
            return this;
        }

        /** From now on, drop what arrives, and start the drain's clock. */
        void overflow() {
            out = null;
            overflowed.tryEmitEmpty();
        }

        /** The drain ran out of time. */
        void cut() {
            cut = true;
        }

        Mono<byte[]> result() {
            return out == null ? Mono.error(new TooLarge(maxBytes, !cut)) : Mono.just(out.toByteArray());
        }
    }
}
