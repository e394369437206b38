package dev.sobatch.reactive;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DEBUG logging of exchanges to {@code dev.sobatch.wire}, secrets redacted. */
final class WireLogger {
    static final String NAME = "dev.sobatch.wire";
    private static final Logger LOG = LoggerFactory.getLogger(NAME);

    private final boolean enabled;

    WireLogger(boolean enabled) {
        this.enabled = enabled;
    }

    boolean active() {
        return enabled && LOG.isDebugEnabled();
    }

    /** The request as sent, secrets blanked: the elements, and the values in {@code sent} anywhere. */
    void request(String operation, String path, Map<String, String> headers, String body, Redactor.Sent sent) {
        if (active()) {
            LOG.debug(">> {} POST {} {}\n{}", operation, path, headers(headers), Redactor.redact(body, sent, false));
        }
    }

    /**
     * The response as received, secrets blanked: also an error page's echo of the request, escaped or
     * quoted, through the values in {@code sent}.
     */
    void response(String operation, String path, int status, HttpHeaders headers, byte[] body,
            Redactor.Sent sent) {
        if (active()) {
            StringBuilder h = new StringBuilder("{");
            headers.forEach(e -> h.append(h.length() > 1 ? ", " : "").append(e.getKey()).append('=')
                    .append(sensitive(e.getKey()) ? "***" : e.getValue()));
            LOG.debug("<< {} {} {} {}}\n{}", operation, path, status, h,
                    Redactor.redact(new String(body, StandardCharsets.UTF_8), sent, false));
        }
    }

    private static String headers(Map<String, String> headers) {
        StringBuilder h = new StringBuilder("{");
        headers.forEach((k, v) -> h.append(h.length() > 1 ? ", " : "").append(k).append('=')
                .append(sensitive(k) ? "***" : v));
        return h.append('}').toString();
    }

    private static boolean sensitive(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.equals("authorization") || h.equals("cookie") || h.equals("set-cookie")
                || h.equals("proxy-authorization");
    }
}
