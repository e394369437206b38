package dev.sobatch.reactive;

import io.netty.handler.codec.http.HttpHeaders;

/** One HTTP response, read in full: status, headers and the (decompressed) body. */
final class RawResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    RawResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    int status() {
        return status;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String contentType() {
        return headers.get("Content-Type");
    }

    String header(String name) {
        return headers.get(name);
    }

    HttpHeaders headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }
}
