package dev.sobatch.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Writes the answers of injected faults that break the HTTP exchange itself. */
final class FaultResponder {
    private static final int PAD_CHUNK = 64 * 1024;
    private static final byte[] PAD = padding();

    private FaultResponder() {
    }

    /** The HTTP error page for an {@link FaultKind#HTTP_STATUS} fault. */
    static Reply httpStatus(InjectedFault fault) {
        int status = fault.httpStatus();
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        Reply reply;
        if (status == 500) {
            reply = Reply.html(500, "<!DOCTYPE html>\n<html><head><title>Runtime Error</title></head><body>"
                    + "<h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2>"
                    + "<p>An application error occurred on the server.</p></body></html>\n");
        } else if (status == 502 || status == 504) {
            reply = Reply.html(status, "<html>\n<head><title>" + status + " " + reason + "</title></head>\n<body>\n"
                    + "<center><h1>" + status + " " + reason + "</h1></center>\n<hr><center>nginx</center>\n"
                    + "</body>\n</html>\n");
        } else {
            reply = Reply.html(status, "<!DOCTYPE html>\n<html><head><title>" + reason + "</title></head><body>"
                    + "<h1>" + reason + "</h1><p>HTTP Error " + status + ". The service is unavailable.</p>"
                    + "</body></html>\n");
        }
        Duration retryAfter = fault.retryAfterValue();
        if (retryAfter != null) {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            reply = reply.withHeader("Retry-After", Long.toString(seconds));
        }
        return reply;
    }

    static Mono<Void> close(HttpServerResponse response) {
        return Mono.fromRunnable(() -> response.withConnection(c -> c.channel().close()));
    }

    /**
     * Half the body under the full Content-Length, then the connection closes. Written straight to the
     * channel: Reactor Netty would otherwise wait for the rest of the declared body before completing.
     */
    static Mono<Void> truncated(HttpServerResponse response, Reply reply) {
        byte[] body = reply.body();
        FullHttpResponse head = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body, 0, body.length / 2));
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.withConnection(c -> c.channel().writeAndFlush(head).addListener(ChannelFutureListener.CLOSE));
        // The closing channel ends this exchange; completing it ourselves would append Reactor Netty's answer.
        return Mono.never();
    }

    /** A complete HTTP message whose XML stops in the middle. */
    static Reply malformed(Reply reply) {
        byte[] body = reply.body();
        return Reply.of(200, reply.contentType(), Arrays.copyOf(body, Math.max(1, body.length / 2)));
    }

    /** A well-formed envelope, chunked, padded with a comment to at least {@code bytes}. */
    static Mono<Void> oversized(HttpServerResponse response, Reply reply, long bytes) {
        String xml = new String(reply.body(), StandardCharsets.UTF_8);
        int bodyEnd = xml.lastIndexOf("</s:Body>");
        if (bodyEnd < 0) {
            bodyEnd = xml.length();
        }
        byte[] head = (xml.substring(0, bodyEnd) + "<!--").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("-->" + xml.substring(bodyEnd)).getBytes(StandardCharsets.UTF_8);
        long chunks = Math.max(1, (bytes + PAD_CHUNK - 1) / PAD_CHUNK);
        Flux<ByteBuf> body = Flux.concat(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(head)),
                Flux.range(0, (int) Math.min(Integer.MAX_VALUE, chunks)).map(i -> Unpooled.wrappedBuffer(PAD)),
                Mono.fromSupplier(() -> Unpooled.wrappedBuffer(tail)));
        return response.status(200).header(HttpHeaderNames.CONTENT_TYPE, reply.contentType()).send(body).then();
    }

    private static byte[] padding() {
        byte[] pad = new byte[PAD_CHUNK];
        Arrays.fill(pad, (byte) ' ');
        return pad;
    }
}
