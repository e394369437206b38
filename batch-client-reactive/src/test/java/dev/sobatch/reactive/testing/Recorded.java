package dev.sobatch.reactive.testing;

import dev.sobatch.soap.SoapRequest;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One request as the test server received it. */
public final class Recorded {
    private final String method;
    private final String path;
    private final HttpHeaders headers;
    private final byte[] body;
    private final SoapRequest soap;
    volatile io.netty.channel.Channel channel;

    Recorded(String method, String path, HttpHeaders headers, byte[] body, SoapRequest soap) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.soap = soap;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The decoded request, or {@code null} when it was no readable SOAP request. */
    public SoapRequest soap() {
        return soap;
    }

    public String operation() {
        return soap == null ? null : soap.operation().operationName();
    }

    public <T> T payload(Class<T> type) {
        return soap.payload(type);
    }

    /** Closes the server side of the connection this request came on (as an idle timeout would). */
    public void closeConnection() {
        channel.close().syncUninterruptibly();
    }

    @Override
    public String toString() {
        return method + " " + path + " " + operation();
    }
}
