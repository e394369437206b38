package dev.sobatch.soap;

import java.util.Optional;

/**
 * A decoded response: the SOAP version it came in, its headers, and either the operation's payload or
 * a SOAP Fault.
 */
public final class SoapResponse {
    private final SoapVersion version;
    private final ResponseHeaders headers;
    private final Object payload;
    private final SoapFault fault;

    SoapResponse(SoapVersion version, ResponseHeaders headers, Object payload, SoapFault fault) {
        this.version = version;
        this.headers = headers;
        this.payload = payload;
        this.fault = fault;
    }

    public SoapVersion version() {
        return version;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** The fault, when the body held one instead of a payload. */
    public Optional<SoapFault> fault() {
        return Optional.ofNullable(fault);
    }

    public boolean isFault() {
        return fault != null;
    }

    /**
     * The payload, as the operation's {@link SoapOperation#responseType()}.
     *
     * @throws IllegalStateException when this response is a fault
     */
    public <T> T payload(Class<T> type) {
        if (fault != null) {
            throw new IllegalStateException("response is a SOAP fault: " + fault);
        }
        return type.cast(payload);
    }

    @Override
    public String toString() {
        return "SoapResponse[" + version.label() + ", " + headers + ", " + (fault != null ? fault : payload) + "]";
    }
}
