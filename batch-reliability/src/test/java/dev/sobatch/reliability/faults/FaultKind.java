package dev.sobatch.reliability.faults;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The fault matrix: what the server does, what the caller must get, and how many requests the server may
 * see for StartBatchJob (never re-sent once it may have been processed) and for the idempotent
 * GetBatchTaskInfo (re-sent up to the default policy's 3 attempts when that can help).
 */
enum FaultKind {
    CONNECTION_REFUSED(BatchTransportException.class, 0, 0),
    RESET_BEFORE_REQUEST_IS_READ(BatchTransportException.class, 0, 0),
    RESET_AFTER_REQUEST_IS_READ(BatchTransportException.class, 1, 3),
    CLOSE_IN_THE_MIDDLE_OF_THE_BODY(BatchTransportException.class, 1, 3),
    SLOW_RESPONSE_HEADERS(BatchTimeoutException.class, 1, 3),
    SLOW_BODY_DRIP(BatchTimeoutException.class, 1, 3),
    HTTP_429_WITH_RETRY_AFTER(BatchTransportException.class, 3, 3),
    HTTP_429_WITHOUT_RETRY_AFTER(BatchTransportException.class, 3, 3),
    HTTP_503_WITH_RETRY_AFTER(BatchTransportException.class, 3, 3),
    HTTP_503_WITHOUT_RETRY_AFTER(BatchTransportException.class, 3, 3),
    HTTP_500_HTML_PAGE(BatchTransportException.class, 1, 3),
    HTTP_502(BatchTransportException.class, 1, 3),
    HTTP_504(BatchTransportException.class, 1, 3),
    SOAP_11_FAULT(BatchServiceException.class, 1, 1),
    SOAP_12_FAULT(BatchServiceException.class, 1, 1),
    SUCCEEDED_FALSE_WITH_EXCEPTION_INFO(BatchServiceException.class, 1, 1),
    TRUNCATED_XML(BatchResponseException.class, 1, 1),
    NON_XML_BODY(BatchResponseException.class, 1, 1),
    WRONG_CONTENT_TYPE(BatchResponseException.class, 1, 1),
    WRONG_RESPONSE_ELEMENT(BatchResponseException.class, 1, 1),
    OVERSIZED_BODY(BatchResponseException.class, 1, 1),
    GZIP_BOMB(BatchResponseException.class, 1, 1),
    XXE(BatchResponseException.class, 1, 1),
    BILLION_LAUGHS(BatchResponseException.class, 1, 1),
    TLS_HANDSHAKE_FAILURE(BatchTransportException.class, 0, 0);

    /** Deadline of every call in the matrix; Retry-After of 1 s twice still fits. */
    static final Duration DEADLINE = Duration.ofSeconds(4);
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(600);
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    /** Made once, on the test thread that first touches the enum, not on an event loop. */
    private static final byte[] BOMB = gzipBomb();

    final Class<? extends BatchException> expected;
    final int startBatchJobRequests;
    final int getBatchTaskInfoRequests;

    FaultKind(Class<? extends BatchException> expected, int startBatchJobRequests, int getBatchTaskInfoRequests) {
        this.expected = expected;
        this.startBatchJobRequests = startBatchJobRequests;
        this.getBatchTaskInfoRequests = getBatchTaskInfoRequests;
    }

    int expectedRequests(BatchOperation op) {
        return op == BatchOperation.START_BATCH_JOB ? startBatchJobRequests : getBatchTaskInfoRequests;
    }

    /** The SOAP version the client speaks for this fault. */
    SoapVersion clientVersion() {
        return this == SOAP_12_FAULT ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11;
    }

    FaultServer.Behaviour behaviour() {
        return switch (this) {
            case RESET_BEFORE_REQUEST_IS_READ -> new FaultServer.Behaviour() {
                @Override
                public void respond(FaultServer.Call call) {
                    call.reset();
                }

                @Override
                public boolean resetOnAccept() {
                    return true;
                }
            };
            case RESET_AFTER_REQUEST_IS_READ -> FaultServer.Call::reset;
            case CLOSE_IN_THE_MIDDLE_OF_THE_BODY -> call -> {
                byte[] body = call.successBody();
                call.write(call.head(200, call.version.responseContentType(), body.length),
                        Arrays.copyOf(body, body.length / 2));
                call.later(Duration.ofMillis(50), call::closeAfterFlush);
            };
            case SLOW_RESPONSE_HEADERS -> call -> call.later(DEADLINE.multipliedBy(3), call::respondSuccess);
            case SLOW_BODY_DRIP -> call -> {
                byte[] body = call.successBody();
                call.write(call.head(200, call.version.responseContentType(), body.length));
                call.drip(body, 0, Duration.ofMillis(100));
            };
            case HTTP_429_WITH_RETRY_AFTER -> call -> call.respond(429, "text/plain", bytes("slow down"), "Retry-After: 1");
            case HTTP_429_WITHOUT_RETRY_AFTER -> call -> call.respond(429, "text/plain", bytes("slow down"));
            case HTTP_503_WITH_RETRY_AFTER -> call -> call.respond(503, "text/html", bytes(html("Service Unavailable")),
                    "Retry-After: 1");
            case HTTP_503_WITHOUT_RETRY_AFTER -> call -> call.respond(503, "text/html", bytes(html("Service Unavailable")));
            case HTTP_500_HTML_PAGE -> call -> call.respond(500, "text/html; charset=utf-8",
                    bytes(html("Runtime Error: Server Error in '/' Application.")));
            case HTTP_502 -> call -> call.respond(502, "text/html", bytes(html("502 Bad Gateway")));
            case HTTP_504 -> call -> call.respond(504, "text/html", bytes(html("504 Gateway Time-out")));
            case SOAP_11_FAULT -> call -> call.respond(500, SoapVersion.SOAP_11.responseContentType(),
                    fault(SoapVersion.SOAP_11));
            case SOAP_12_FAULT -> call -> call.respond(500, SoapVersion.SOAP_12.responseContentType(),
                    fault(SoapVersion.SOAP_12));
            case SUCCEEDED_FALSE_WITH_EXCEPTION_INFO -> call -> call.respond(200, call.version.responseContentType(),
                    exceptionInfo(call));
            case TRUNCATED_XML -> call -> {
                byte[] body = call.successBody();
                call.respond(200, call.version.responseContentType(), Arrays.copyOf(body, body.length * 2 / 3));
            };
            case NON_XML_BODY -> call -> call.respond(200, call.version.responseContentType(),
                    bytes("{\"error\": \"this is JSON, not SOAP\"}"));
            case WRONG_CONTENT_TYPE -> call -> call.respond(200, "text/html; charset=utf-8",
                    bytes(html("Sign in to SuperOffice")));
            case WRONG_RESPONSE_ELEMENT -> call -> call.respond(200, call.version.responseContentType(),
                    wrongElement(call.version));
            case OVERSIZED_BODY -> call -> {
                // chunked, no Content-Length: the limit must be enforced while reading
                call.write(call.head(200, call.version.responseContentType(), -1, "Transfer-Encoding: chunked"));
                byte[] chunk = chunk(bytes("<!--" + "x".repeat(64 * 1024 - 8) + "-->"));
                for (int i = 0; i < MAX_RESPONSE_BYTES / (64 * 1024) * 4; i++) {
                    call.write(chunk);
                }
                call.write(bytes("0\r\n\r\n"));
            };
            case GZIP_BOMB -> call -> {
                call.respond(200, call.version.responseContentType(), BOMB, "Content-Encoding: gzip");
            };
            case XXE -> call -> call.respond(200, call.version.responseContentType(), bytes(
                    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                            + new String(call.successBody(), StandardCharsets.UTF_8)
                            .replaceFirst("<s:Body>", "<s:Body>&xxe;")));
            case BILLION_LAUGHS -> call -> call.respond(200, call.version.responseContentType(), bytes(billionLaughs()
                    + new String(call.successBody(), StandardCharsets.UTF_8).replaceFirst("<s:Body>", "<s:Body>&lol9;")));
            case CONNECTION_REFUSED, TLS_HANDSHAKE_FAILURE -> FaultServer.Call::respondSuccess;
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String html(String title) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + "Details ".repeat(50) + "</p></body></html>";
    }

    private static byte[] chunk(byte[] data) {
        byte[] head = bytes(Integer.toHexString(data.length) + "\r\n");
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    private static byte[] fault(SoapVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoapCodec.defaults().encodeFault(version, SoapFault.server("The batch service is unavailable",
                "SoException at Batch.StartBatchJob"), null, out);
        return out.toByteArray();
    }

    private static byte[] exceptionInfo(FaultServer.Call call) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoExceptionInfo info = SoExceptionInfo.builder().message("Task type 'Export' is not registered")
                .friendlyText("The task cannot be started").exceptionType("SoException").build();
        BatchOperation op = BatchOperation.START_BATCH_JOB.operationName().equals(call.operation)
                ? BatchOperation.START_BATCH_JOB : BatchOperation.GET_BATCH_TASK_INFO;
        Object payload = op == BatchOperation.START_BATCH_JOB ? dev.sobatch.model.message.IntResponse.of(0)
                : dev.sobatch.model.message.BatchTaskInfoResponse.of(null);
        SoapCodec.defaults().encodeResponse(call.version, op, ResponseHeaders.failure(info), payload, out);
        return out.toByteArray();
    }

    private static byte[] wrongElement(SoapVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoapCodec.defaults().encodeResponse(version, BatchOperation.STOP_BATCH_JOB, ResponseHeaders.success(),
                dev.sobatch.model.message.BooleanResponse.of(true), out);
        return out.toByteArray();
    }

    /** About 100 KiB that inflate to 256 MiB of spaces. */
    static byte[] gzipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 256; i++) {
                gz.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }
}
