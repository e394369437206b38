package dev.sobatch.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP answer: status, content type, extra headers and body. Immutable once built. */
final class Reply {
    private final int status;
    private final String contentType;
    private final Map<String, String> headers;
    private final byte[] body;

    private Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.headers = headers;
        this.body = body;
    }

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, Map.of(), body);
    }

    static Reply text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, Map.copyOf(h), body);
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }
}
