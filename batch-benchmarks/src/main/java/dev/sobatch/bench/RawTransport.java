package dev.sobatch.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Contender (a), the transport limit: Reactor Netty posting pre-encoded request bytes and reading the int
 * straight out of the response bytes. No XML work at all; every SOAP client pays at least this.
 */
final class RawTransport implements Contender.Async {
    private static final byte[] OPEN = "<Response>".getBytes(StandardCharsets.US_ASCII);
    private final ConnectionProvider provider;
    private final HttpClient client;
    private final ByteBuf request;
    private final String path;
    private final boolean list;

    RawTransport(String baseUrl, int maxConnections, int tasks) {
        this.provider = Harness.provider("raw", maxConnections);
        this.list = tasks > 0;
        this.path = (list ? "/n" + tasks : "") + Payloads.SERVICE_PATH;
        byte[] body = list ? Payloads.listRequestBytes() : Payloads.startRequestBytes();
        this.request = Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length).writeBytes(body));
        this.client = HttpClient.create(provider)
                .baseUrl(baseUrl)
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                        .set("SOAPAction", list ? Payloads.LIST_ACTION : Payloads.START_ACTION));
    }

    @Override
    public Mono<?> call() {
        return client.post()
                .uri(path)
                .send(Mono.fromSupplier(request::duplicate))
                .responseSingle((res, body) -> body.map(list ? ByteBuf::readableBytes : RawTransport::readInt));
    }

    /**
     * The integer inside the last {@code <Response>} element, found by scanning back from the end (it closes
     * the body, after the SOAP headers): the least a client can do to read the answer.
     */
    static int readInt(ByteBuf buf) {
        int at = lastIndexOf(buf, OPEN);
        if (at < 0) {
            throw new IllegalStateException("no <Response> in the answer");
        }
        int value = 0;
        for (int i = at + OPEN.length; i < buf.writerIndex(); i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        Contender.expect(value);
        return value;
    }

    private static int lastIndexOf(ByteBuf buf, byte[] needle) {
        outer:
        for (int i = buf.writerIndex() - needle.length; i >= buf.readerIndex(); i--) {
            for (int j = 0; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        provider.disposeLater().block();
    }
}
