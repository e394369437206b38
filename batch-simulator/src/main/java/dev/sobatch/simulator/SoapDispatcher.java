package dev.sobatch.simulator;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapRequest;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SOAP dispatch: decodes a request body with the shared codec, checks that its action and endpoint fit,
 * authenticates it, runs the operation and encodes the answer as NetServer does (Succeeded, ExceptionInfo,
 * ExtraInfo and TimeZone headers; HTTP 200 with {@code Succeeded=false} for application errors; a SOAP
 * Fault for requests that cannot be dispatched).
 */
final class SoapDispatcher {
    private static final Logger log = LoggerFactory.getLogger(SoapDispatcher.class);

    private final SoapCodec codec;
    private final Authenticator authenticator;
    private final BatchService service;

    SoapDispatcher(SoapCodec codec, Authenticator authenticator, BatchService service) {
        this.codec = codec;
        this.authenticator = authenticator;
        this.service = service;
    }

    /**
     * Decodes a request and encodes an answer and a fault once, on the thread that starts the simulator:
     * the JAXB context and the XML factories are found through service-loader scans that read jar files,
     * which must not happen on the event loop when the first request arrives.
     */
    void warmUp() {
        BatchOperation op = BatchOperation.GET_BATCH_TASK_INFO;
        for (SoapVersion version : SoapVersion.values()) {
            byte[] request = codec.encodeRequest(version, op, RequestHeaders.none(), GetBatchTaskInfo.of(0));
            codec.decodeRequest(new ByteArrayInputStream(request));
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            codec.encodeResponse(version, op, ResponseHeaders.success(), BatchTaskInfoResponse.of(null), out);
            codec.encodeFault(version, SoapFault.client("warm-up", "warm-up"), null, out);
        }
    }

    /** A decoded request, or why it cannot be dispatched. */
    static final class Decoded {
        final SoapVersion version;
        final SoapRequest request;
        final Reply rejection;

        Decoded(SoapVersion version, SoapRequest request, Reply rejection) {
            this.version = version;
            this.request = request;
            this.rejection = rejection;
        }

        String operationName() {
            return request == null ? null : request.operation().operationName();
        }
    }

    Decoded decode(Endpoint endpoint, SoapVersion contentTypeVersion, String action, byte[] body) {
        SoapRequest request;
        try {
            request = codec.decodeRequest(new ByteArrayInputStream(body));
        } catch (SoapDecodingException e) {
            return new Decoded(contentTypeVersion, null, fault(contentTypeVersion,
                    SoapFault.client(decodingReason(e), e.reason().name()), true));
        }
        SoapVersion version = request.version();
        SoapOperation op = request.operation();
        boolean rightEndpoint = endpoint == Endpoint.BATCH ? op instanceof BatchOperation
                : op instanceof SoPrincipalOperation;
        if (!rightEndpoint || action != null && !action.isEmpty() && !action.equals(op.action())) {
            String shown = action == null || action.isEmpty() ? op.action() : action;
            return new Decoded(version, request, fault(version, SoapFault.client("The message with Action '"
                    + abbreviate(shown) + "' cannot be processed at the receiver, due to a ContractFilter mismatch"
                    + " at the EndpointDispatcher.", "ActionNotSupported"), true));
        }
        return new Decoded(version, request, null);
    }

    /** Runs a dispatchable request. */
    Reply execute(Decoded d) {
        SoapRequest r = d.request;
        SoapOperation op = r.operation();
        try {
            Object payload;
            if (op == SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD) {
                payload = authenticator.authenticate(r.headers(), r.payload(AuthenticateUsernamePassword.class));
            } else {
                int associateId = authenticator.authorize(r.headers());
                payload = service.execute((BatchOperation) op, r.payload(), associateId);
            }
            return response(d, ResponseHeaders.success(), payload);
        } catch (ServiceFailure f) {
            return failure(d, f.info());
        } catch (RuntimeException e) {
            log.warn("{} failed in the simulator", op.operationName(), e);
            return fault(d.version, SoapFault.server("The server was unable to process the request due to an "
                    + "internal error.", e.getClass().getSimpleName()), false);
        }
    }

    /** HTTP 200, {@code Succeeded=false}, this exception info and the operation's empty answer. */
    Reply failure(Decoded d, SoExceptionInfo info) {
        return response(d, ResponseHeaders.failure(info), emptyAnswer(d.request.operation()));
    }

    /** A SOAP Fault; client faults in SOAP 1.2 answer 400 as its HTTP binding says, all others 500. */
    Reply fault(SoapVersion version, SoapFault fault, boolean clientFault) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        codec.encodeFault(version, fault, null, out);
        int status = clientFault && version == SoapVersion.SOAP_12 ? 400 : 500;
        return Reply.of(status, version.responseContentType(), out.toByteArray());
    }

    private Reply response(Decoded d, ResponseHeaders headers, Object payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        codec.encodeResponse(d.version, d.request.operation(), headers.withTimeZone(d.request.headers().timeZone()),
                payload, out);
        return Reply.of(200, d.version.responseContentType(), out.toByteArray());
    }

    static Object emptyAnswer(SoapOperation op) {
        Class<?> type = op.responseType();
        if (type == IntResponse.class) {
            return IntResponse.of(0);
        }
        if (type == BooleanResponse.class) {
            return BooleanResponse.of(false);
        }
        if (type == BatchTaskInfoResponse.class) {
            return BatchTaskInfoResponse.of(null);
        }
        if (type == BatchTaskInfoListResponse.class) {
            return BatchTaskInfoListResponse.of(List.of());
        }
        if (type == AuthenticateResponse.class) {
            return AuthenticateResponse.failed();
        }
        return EmptyResponse.instance();
    }

    private static String decodingReason(SoapDecodingException e) {
        switch (e.reason()) {
            case FORBIDDEN_DTD:
                return "For security reasons DTD is prohibited in this XML document.";
            case UNKNOWN_OPERATION:
                return "The message cannot be processed: its body names no operation of this service.";
            default:
                return "The request could not be read: " + abbreviate(e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
