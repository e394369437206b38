package dev.sobatch.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Aggregates a request body up to a limit, like WCF's {@code maxReceivedMessageSize}: a declared
 * Content-Length beyond it is refused before reading, a chunked body as soon as it grows beyond it.
 */
final class BodyReader {
    /** The body exceeds the limit. Control flow only. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private BodyReader() {
    }

    static Mono<byte[]> read(HttpServerRequest request, int maxBytes) {
        String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    return Mono.error(new TooLarge(maxBytes));
                }
            } catch (NumberFormatException ignored) {
                // Netty has already refused a malformed Content-Length; nothing more to check
            }
        }
        return request.receive()
                .reduceWith(() -> new ByteArrayOutputStream(1024), (out, buf) -> append(out, buf, maxBytes))
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(new byte[0]);
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream out, ByteBuf buf, int maxBytes) {
        int n = buf.readableBytes();
        if ((long) out.size() + n > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        byte[] chunk = new byte[n];
        buf.getBytes(buf.readerIndex(), chunk);
        out.write(chunk, 0, n);
        return out;
    }
}
