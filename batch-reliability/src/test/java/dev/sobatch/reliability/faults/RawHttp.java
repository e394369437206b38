package dev.sobatch.reliability.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 request parsing for the fault server: finds complete requests (Content-Length or
 * chunked) in the bytes received so far on one connection.
 */
final class RawHttp {
    /** One parsed request. */
    record Request(String requestLine, Map<String, String> headers, byte[] body) {
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    void append(byte[] bytes) {
        pending.writeBytes(bytes);
    }

    /** The next complete request, removed from the pending bytes, or null when more bytes are needed. */
    Request next() {
        byte[] b = pending.toByteArray();
        int headerEnd = indexOf(b, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (headerEnd < 0) {
            return null;
        }
        String[] lines = new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int bodyStart = headerEnd + 4;
        byte[] body;
        int consumed;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int p = bodyStart;
            while (true) {
                int eol = indexOf(b, new byte[] {'\r', '\n'}, p);
                if (eol < 0) {
                    return null;
                }
                int size = Integer.parseInt(new String(b, p, eol - p, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (eol + 2 + size + 2 > b.length) {
                    return null;
                }
                out.write(b, eol + 2, size);
                p = eol + 2 + size + 2;
                if (size == 0) {
                    break;
                }
            }
            body = out.toByteArray();
            consumed = p;
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            if (b.length < bodyStart + length) {
                return null;
            }
            body = Arrays.copyOfRange(b, bodyStart, bodyStart + length);
            consumed = bodyStart + length;
        }
        pending.reset();
        pending.write(b, consumed, b.length - consumed);
        return new Request(lines[0], headers, body);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
