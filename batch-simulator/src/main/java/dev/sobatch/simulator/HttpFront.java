package dev.sobatch.simulator;

import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapVersion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Locale;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP front of the simulator: routing and HTTP checks (404 for other paths, 405 for methods other
 * than POST, 415 for a content type that is not SOAP, 413 beyond the size limit), then fault injection
 * and SOAP dispatch. Every request is recorded before its answer is written. Runs on the event loop
 * except after an injected delay or a drain cut short by its time limit, and never blocks.
 */
final class HttpFront {
    private final int maxRequestBytes;
    private final RequestRecorder recorder;
    private final FaultInjector faults;
    private final SoapDispatcher dispatcher;

    HttpFront(int maxRequestBytes, RequestRecorder recorder, FaultInjector faults, SoapDispatcher dispatcher) {
        this.maxRequestBytes = maxRequestBytes;
        this.recorder = recorder;
        this.faults = faults;
        this.dispatcher = dispatcher;
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        RecordedRequest.Builder rec = recorder.begin(request.method().name(), request.uri(),
                request.requestHeaders());
        Endpoint endpoint = Endpoint.forPath(request.uri());
        if (endpoint == null) {
            return send(response, rec, Reply.text(404, "404 Not Found: the simulator serves "
                    + Endpoint.BATCH.path() + " and " + Endpoint.SO_PRINCIPAL.path() + "\n"), "HTTP 404");
        }
        if (!HttpMethod.POST.equals(request.method())) {
            return send(response, rec, Reply.text(405, "405 Method Not Allowed: SOAP requests are POSTed\n")
                    .withHeader("Allow", "POST"), "HTTP 405");
        }
        String contentType = request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        Optional<SoapVersion> version = SoapVersion.forContentType(contentType);
        if (version.isEmpty()) {
            return send(response, rec, Reply.text(415, "415 Unsupported Media Type: expected text/xml (SOAP 1.1)"
                    + " or application/soap+xml (SOAP 1.2)\n"), "HTTP 415");
        }
        rec.soapVersion(version.get());
        String action = action(request, version.get());
        InjectedFault early = faults.beforeRead(operationOf(action));
        if (early != null) {
            record(rec.error("injected " + early.kind()));
            return FaultResponder.close(response);
        }
        return BodyReader.read(request, maxRequestBytes)
                .flatMap(body -> dispatch(response, rec, endpoint, version.get(), action, body))
                .onErrorResume(BodyReader.TooLarge.class, e -> {
                    // BodyReader has drained the body (when it could), so this close does not reset the answer
                    response.keepAlive(false);
                    return send(response, rec, Reply.text(413, "413 Request Entity Too Large: the limit is "
                            + maxRequestBytes + " bytes\n"),
                            e.fullyRead() ? "HTTP 413" : "HTTP 413, body not read to its end");
                });
    }

    private Mono<Void> dispatch(HttpServerResponse response, RecordedRequest.Builder rec, Endpoint endpoint,
            SoapVersion contentTypeVersion, String action, byte[] body) {
        rec.bodyBytes(body.length);
        SoapDispatcher.Decoded decoded = dispatcher.decode(endpoint, contentTypeVersion, action, body);
        rec.soapVersion(decoded.version);
        if (decoded.request != null) {
            rec.decoded(decoded.operationName(), decoded.request.payload(),
                    decoded.request.headers().ticket(), decoded.request.headers().applicationToken());
        }
        String operation = decoded.request != null ? decoded.operationName() : operationOf(action);
        InjectedFault fault = faults.afterRead(operation);
        if (decoded.rejection != null) {
            return send(response, rec, decoded.rejection, "SOAP Fault");
        }
        if (fault == null) {
            return send(response, rec, dispatcher.execute(decoded), null);
        }
        rec.error("injected " + fault.kind());
        switch (fault.kind()) {
            case DELAY:
                return Mono.delay(fault.delay()).then(Mono.defer(() -> send(response, rec,
                        dispatcher.execute(decoded), null)));
            case HTTP_STATUS:
                return send(response, rec, FaultResponder.httpStatus(fault), null);
            case SOAP_FAULT:
                return send(response, rec, dispatcher.fault(decoded.version, fault.soapFault(), false), null);
            case EXCEPTION_INFO:
                return send(response, rec, dispatcher.failure(decoded, fault.exceptionInfo()), null);
            case CLOSE_AFTER_READ:
                dispatcher.execute(decoded);
                record(rec);
                return FaultResponder.close(response);
            case TRUNCATED_BODY: {
                Reply reply = dispatcher.execute(decoded);
                record(rec);
                return FaultResponder.truncated(response, reply);
            }
            case MALFORMED_BODY:
                return send(response, rec, FaultResponder.malformed(dispatcher.execute(decoded)), null);
            case OVERSIZED_BODY: {
                Reply reply = dispatcher.execute(decoded);
                record(rec);
                return FaultResponder.oversized(response, reply, fault.oversizedBytes());
            }
            default:
                throw new IllegalStateException("unhandled fault kind " + fault.kind());
        }
    }

    private Mono<Void> send(HttpServerResponse response, RecordedRequest.Builder rec, Reply reply, String error) {
        if (error != null) {
            rec.error(error);
        }
        record(rec);
        response.status(reply.status())
                .header(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
        reply.headers().forEach(response::header);
        return response.sendByteArray(Mono.just(reply.body())).then();
    }

    private void record(RecordedRequest.Builder rec) {
        recorder.add(rec.build());
    }

    /** The action the HTTP layer names: SOAPAction for SOAP 1.1, the action parameter for SOAP 1.2. */
    private static String action(HttpServerRequest request, SoapVersion version) {
        String raw;
        if (version == SoapVersion.SOAP_11) {
            raw = request.requestHeaders().get("SOAPAction");
        } else {
            raw = parameter(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE), "action");
        }
        if (raw == null) {
            return null;
        }
        String a = raw.trim();
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1).trim();
        }
        return a;
    }

    private static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    /** The operation an action URI names, or {@code null}. */
    static String operationOf(String action) {
        if (action == null || action.isEmpty()) {
            return null;
        }
        if (action.equals(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD.action())) {
            return SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD.operationName();
        }
        if (action.startsWith(BatchOperation.ACTION_PREFIX)) {
            return BatchOperation.forName(action.substring(BatchOperation.ACTION_PREFIX.length()))
                    .map(BatchOperation::operationName).orElse(null);
        }
        return null;
    }
}
