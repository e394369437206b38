package dev.sobatch.reactive.testing;

import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapVersion;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** How the test server answers one request. */
@FunctionalInterface
public interface Answer {
    Publisher<Void> answer(Recorded request, HttpServerRequest req, HttpServerResponse res);

    /** A successful envelope with this payload, in the request's SOAP version. */
    static Answer ok(Object payload) {
        return withHeaders(ResponseHeaders.success(), payload);
    }

    /** An envelope with these headers and payload (status 200). */
    static Answer withHeaders(ResponseHeaders headers, Object payload) {
        return (r, req, res) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SoapVersion v = r.soap().version();
            SoapCodec.defaults().encodeResponse(v, r.soap().operation(), headers, payload, out);
            return send(res, 200, v.responseContentType(), out.toByteArray());
        };
    }

    /** A SOAP Fault with this status, in the request's version. */
    static Answer fault(int status, SoapFault fault) {
        return (r, req, res) -> {
            SoapVersion v = r.soap() == null ? SoapVersion.SOAP_11 : r.soap().version();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SoapCodec.defaults().encodeFault(v, fault, null, out);
            return send(res, status, v.responseContentType(), out.toByteArray());
        };
    }

    /** Exactly these bytes; {@code headers} are name/value pairs. */
    static Answer raw(int status, String contentType, byte[] body, String... headers) {
        return (r, req, res) -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                res.header(headers[i], headers[i + 1]);
            }
            return send(res, status, contentType, body);
        };
    }

    static Answer raw(int status, String contentType, String body, String... headers) {
        return raw(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** An IIS-style HTML error page. */
    static Answer html(int status, String text) {
        return raw(status, "text/html", "<!DOCTYPE html><html><head><title>IIS " + status + "</title></head><body>"
                + text + "</body></html>");
    }

    /** A bare status (e.g. 503) with {@code Retry-After}. */
    static Answer status(int status, String... headers) {
        return raw(status, "text/plain", new byte[0], headers);
    }

    /** The payload as a successful envelope, gzip-compressed with {@code Content-Encoding: gzip}. */
    static Answer gzipOk(Object payload) {
        return (r, req, res) -> {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            SoapVersion v = r.soap().version();
            SoapCodec.defaults().encodeResponse(v, r.soap().operation(), ResponseHeaders.success(), payload, plain);
            res.header("Content-Encoding", "gzip");
            return send(res, 200, v.responseContentType(), gzip(plain.toByteArray()));
        };
    }

    /** Answers after a delay. */
    static Answer delayed(Duration delay, Answer then) {
        return (r, req, res) -> Mono.delay(delay).then(Mono.from(then.answer(r, req, res)));
    }

    /** Never answers (until the client gives up or the server closes). */
    static Answer hang() {
        return (r, req, res) -> Mono.never();
    }

    /** Reads the request, then closes the connection without a response. */
    static Answer closeConnection() {
        return (r, req, res) -> Mono.fromRunnable(() -> req.withConnection(c -> c.channel().close()));
    }

    /** Sends headers announcing more bytes than it sends, then closes: a truncated body. */
    static Answer truncated(Object payload) {
        return (r, req, res) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SoapVersion v = r.soap().version();
            SoapCodec.defaults().encodeResponse(v, r.soap().operation(), ResponseHeaders.success(), payload, out);
            byte[] all = out.toByteArray();
            res.status(200).header("Content-Type", v.responseContentType())
                    .header("Content-Length", String.valueOf(all.length));
            return res.sendObject(Mono.just(Unpooled.wrappedBuffer(all, 0, all.length / 2))).then()
                    .then(Mono.fromRunnable(() -> req.withConnection(c -> c.channel().close())));
        };
    }

    static Mono<Void> send(HttpServerResponse res, int status, String contentType, byte[] body) {
        res.status(status).header("Content-Length", String.valueOf(body.length));
        if (contentType != null) {
            res.header("Content-Type", contentType);
        }
        return res.sendByteArray(Mono.just(body)).then();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
