package dev.sobatch.reactive;

import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapVersion;
import reactor.core.publisher.Mono;

/**
 * Metrics and observations of calls. This interface and {@link #NONE} never touch Micrometer; the Micrometer
 * implementation is loaded only when a registry was configured, so Micrometer stays optional at runtime.
 */
interface Instrumentation {
    String REQUESTS = "sobatch.client.requests";
    String ATTEMPTS = "sobatch.client.attempts";
    String RETRIES_REFUSED = "sobatch.client.retries.refused";

    /** Wraps one logical call (subscribed once per call). */
    <T> Mono<T> observe(SoapOperation op, Mono<T> call);

    /** An attempt is being made; reason is {@code first}, {@code not_sent}, {@code unknown_outcome} or {@code throttled}. */
    void attempt(SoapOperation op, String reason);

    /** The budget refused a retry the policy would have made. */
    void retryRefused(SoapOperation op);

    Instrumentation NONE = new Instrumentation() {
        @Override
        public <T> Mono<T> observe(SoapOperation op, Mono<T> call) {
            return call;
        }

        @Override
        public void attempt(SoapOperation op, String reason) {
        }

        @Override
        public void retryRefused(SoapOperation op) {
        }
    };

    static Instrumentation create(Object meterRegistry, Object observationRegistry, String host, SoapVersion version) {
        if (meterRegistry == null && observationRegistry == null) {
            return NONE;
        }
        return MicrometerInstrumentation.create(meterRegistry, observationRegistry, host, version);
    }

    /**
     * The {@code outcome} tag of a call: {@code SUCCESS}, {@code SERVICE_ERROR}, {@code TIMEOUT},
     * {@code RESPONSE_ERROR}, {@code TRANSPORT_ERROR} (one per {@link dev.sobatch.client.BatchException} type),
     * or {@code UNKNOWN} for a failure that is no BatchException and so says nothing about the exchange: a
     * failing {@link dev.sobatch.client.TicketSource}, a client closed while the call waited for a retry.
     * (Cancelled calls are tagged {@code CANCELLED} by the implementation.) The {@code error} tag names the
     * exception's class either way.
     */
    static String outcome(Throwable error) {
        if (error == null) {
            return "SUCCESS";
        }
        if (error instanceof BatchServiceException) {
            return "SERVICE_ERROR";
        }
        if (error instanceof BatchTimeoutException) {
            return "TIMEOUT";
        }
        if (error instanceof BatchResponseException) {
            return "RESPONSE_ERROR";
        }
        return error instanceof BatchTransportException ? "TRANSPORT_ERROR" : "UNKNOWN";
    }
}
