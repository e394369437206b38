package dev.sobatch.simulator;

import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapResponse;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plain HTTP test client for the simulator: real requests over loopback, encoded with the shared codec. */
final class SoapHttp {
    static final SoapCodec CODEC = SoapCodec.defaults();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final BatchSimulator sim;
    private RequestHeaders headers;
    private SoapVersion version = SoapVersion.SOAP_11;

    SoapHttp(BatchSimulator sim) {
        this.sim = sim;
        this.headers = RequestHeaders.of(sim.applicationToken(), sim.ticket());
    }

    SoapHttp headers(RequestHeaders headers) {
        this.headers = headers;
        return this;
    }

    SoapHttp version(SoapVersion version) {
        this.version = version;
        return this;
    }

    /** Calls an operation and decodes the answer; fails the test on a non-SOAP answer. */
    SoapResponse call(SoapOperation op, Object payload) {
        HttpResponse<byte[]> r = post(op, payload);
        return CODEC.decodeResponse(op, new ByteArrayInputStream(r.body()));
    }

    /** Calls a Batch.svc operation and answers its successful payload. */
    <T> T ok(BatchOperation op, Object payload, Class<T> type) {
        SoapResponse r = call(op, payload);
        if (r.isFault() || r.headers().reportsFailure()) {
            throw new AssertionError(op.operationName() + " failed: " + (r.isFault() ? r.fault()
                    : r.headers().exceptionInfo()));
        }
        return r.payload(type);
    }

    HttpResponse<byte[]> post(SoapOperation op, Object payload) {
        byte[] body = CODEC.encodeRequest(version, op, headers, payload);
        URI url = op instanceof BatchOperation ? sim.batchServiceUrl() : sim.soPrincipalUrl();
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Content-Type", version.contentType(op))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        version.soapActionHeader(op).ifPresent(a -> b.header("SOAPAction", a));
        return send(b.build());
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            // A generous bound so that a server that never finishes an answer fails the test, not the build.
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? new UncheckedIOException(io)
                    : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("no complete answer within 30 s from " + request.uri());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts raw bytes with a content type (and optional SOAPAction) to a URL. */
    static HttpResponse<byte[]> postRaw(URI url, String contentType, String soapAction, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (soapAction != null) {
            b.header("SOAPAction", soapAction);
        }
        return send(b.build());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
