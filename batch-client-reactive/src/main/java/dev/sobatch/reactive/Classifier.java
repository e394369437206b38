package dev.sobatch.reactive;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapResponse;
import io.netty.handler.timeout.ReadTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Maps the outcome of one attempt to what the caller sees and to what the retry step may do with it. Pure
 * functions of the response or the error plus the request lifecycle: never string matching on exception
 * messages to decide whether a request was sent.
 */
final class Classifier {
    /**
     * The bytes of an error body that are decoded and redacted for an excerpt. Redaction runs on the whole
     * window before whitespace is collapsed and the text is cut to {@link #EXCERPT_CHARS}, so the cut never
     * falls inside a secret that is still to be recognised.
     */
    static final int EXCERPT_BYTES = 8 * 1024;
    static final int EXCERPT_CHARS = 512;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SoapCodec codec;
    private final String host;
    private final Duration responseTimeout;

    Classifier(SoapCodec codec, String host, Duration responseTimeout) {
        this.codec = codec;
        this.host = host;
        this.responseTimeout = responseTimeout;
    }

    /**
     * The decoded response of a successful exchange, or an {@link AttemptFailure}; {@code sent} holds the
     * secrets this exchange sent, blanked wherever an error excerpt or message would quote them.
     */
    SoapResponse classify(SoapOperation op, RawResponse r, Redactor.Sent sent) {
        String name = op.operationName();
        int status = r.status();
        byte[] body = r.body();
        if (isXml(r.contentType()) && body.length > 0) {
            SoapResponse decoded;
            try {
                decoded = codec.decodeResponse(op, body);
            } catch (SoapDecodingException e) {
                if (r.isSuccess()) {
                    throw new AttemptFailure(new BatchResponseException(name, host,
                            "unreadable response (HTTP " + status + ", " + e.reason() + "): "
                                    + Redactor.redact(e.getMessage(), sent, false),
                            status, e.reason(), e), RetryClass.NEVER);
                }
                throw statusFailure(op, r, sent);
            }
            if (decoded.isFault()) {
                throw new AttemptFailure(new BatchServiceException(name, host, status,
                        Redactor.redact(decoded.fault().get(), sent)), RetryClass.NEVER);
            }
            if (decoded.headers().reportsFailure()) {
                throw new AttemptFailure(new BatchServiceException(name, host, status,
                        Redactor.redact(decoded.headers().exceptionInfo(), sent)), RetryClass.NEVER);
            }
            if (r.isSuccess()) {
                return decoded;
            }
            throw statusFailure(op, r, sent);
        }
        if (!r.isSuccess()) {
            throw statusFailure(op, r, sent);
        }
        String detail = body.length == 0 ? "empty response body (HTTP " + status + ")"
                : "unexpected content type '" + r.contentType() + "' (HTTP " + status + "): " + excerpt(body, sent);
        SoapDecodingException.Reason reason = body.length == 0 ? SoapDecodingException.Reason.MALFORMED
                : SoapDecodingException.Reason.NOT_SOAP;
        throw new AttemptFailure(new BatchResponseException(name, host, detail, status, reason, null),
                RetryClass.NEVER);
    }

    /** An HTTP error status without a SOAP Fault. */
    private AttemptFailure statusFailure(SoapOperation op, RawResponse r, Redactor.Sent sent) {
        int status = r.status();
        RetryClass cls;
        Duration retryAfter = null;
        if (status == 429 || status == 503) {
            cls = RetryClass.THROTTLED;
            retryAfter = parseRetryAfter(r.header("Retry-After"), Instant.now());
        } else if (status == 500 || status == 502 || status == 504 || status == 408) {
            cls = RetryClass.UNKNOWN_OUTCOME;
        } else {
            cls = RetryClass.NEVER;
        }
        String excerpt = excerpt(r.body(), sent);
        String ct = r.contentType() == null ? "no content type" : r.contentType();
        return new AttemptFailure(new BatchTransportException(op.operationName(), host,
                "HTTP " + status + " (" + ct + ")" + (excerpt.isEmpty() ? "" : ": " + excerpt), status, excerpt,
                true, null), cls, retryAfter);
    }

    /**
     * A failed exchange (no complete response), given whether the request had been written; {@code sent} is
     * blanked in the messages.
     */
    AttemptFailure classifyError(SoapOperation op, Throwable t, AttemptState state, Redactor.Sent sent) {
        boolean written = state.written();
        if (t instanceof AttemptFailure af) {
            return af;
        }
        String name = op.operationName();
        if (t instanceof BodyAccumulator.TooLarge tl) {
            return new AttemptFailure(new BatchResponseException(name, host,
                    "response body larger than the limit of " + tl.limit + " bytes", 0,
                    SoapDecodingException.Reason.TOO_LARGE, null), RetryClass.NEVER);
        }
        if (t instanceof ReadTimeoutException) {
            return new AttemptFailure(new BatchTimeoutException(name, host,
                    "no response within the response timeout of " + responseTimeout.toMillis() + " ms", t),
                    RetryClass.UNKNOWN_OUTCOME);
        }
        if (hasCause(t, SSLException.class)) {
            // The handshake failed, so nothing was sent; a certificate problem does not go away by retrying.
            return transport(name, "TLS failure: " + describe(t, sent), false, t, written ? RetryClass.UNKNOWN_OUTCOME
                    : RetryClass.NEVER);
        }
        if (t instanceof BatchException be) {
            return new AttemptFailure(be, RetryClass.NEVER);
        }
        if (!state.connected()) {
            return transport(name, "no connection: " + describe(t, sent), false, t, RetryClass.NOT_SENT);
        }
        if (!written) {
            return transport(name, "connection lost before the request was written: " + describe(t, sent), false, t,
                    RetryClass.NOT_SENT);
        }
        return transport(name, "no complete response after the request was sent: " + describe(t, sent), true, t,
                RetryClass.UNKNOWN_OUTCOME);
    }

    private AttemptFailure transport(String name, String detail, boolean sent, Throwable t, RetryClass cls) {
        return new AttemptFailure(new BatchTransportException(name, host, detail, 0, "", sent, t), cls);
    }

    private static String describe(Throwable t, Redactor.Sent sent) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : " (" + Redactor.redact(msg, sent, false) + ")");
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isXml(String contentType) {
        if (contentType == null) {
            return true; // no claim either way: let the decoder decide
        }
        // the media type before any parameters, trimmed, compared ignoring case; without allocating per call
        int end = contentType.indexOf(';');
        end = end < 0 ? contentType.length() : end;
        int start = 0;
        while (start < end && contentType.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && contentType.charAt(end - 1) <= ' ') {
            end--;
        }
        return media(contentType, start, end, "text/xml") || media(contentType, start, end, "application/soap+xml")
                || media(contentType, start, end, "application/xml");
    }

    private static boolean media(String contentType, int start, int end, String expected) {
        return end - start == expected.length() && contentType.regionMatches(true, start, expected, 0, end - start);
    }

    /**
     * The start of a body as one line of text, redacted; for messages and {@code bodyExcerpt()}. Redacts the
     * decoded window first (secret elements, escaped or not, ticket look-alikes, the values in {@code sent}),
     * then collapses whitespace and cuts: cutting first could split an end tag and leave the secret
     * unrecognised.
     */
    static String excerpt(byte[] body, Redactor.Sent sent) {
        int n = Math.min(body.length, EXCERPT_BYTES);
        String text = new String(body, 0, n, StandardCharsets.UTF_8);
        text = WHITESPACE.matcher(Redactor.redact(text, sent, n < body.length)).replaceAll(" ").trim();
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }
}
