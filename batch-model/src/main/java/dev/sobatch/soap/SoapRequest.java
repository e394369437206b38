package dev.sobatch.soap;

/** A decoded request, as a server sees it: version, operation, headers and payload. */
public final class SoapRequest {
    private final SoapVersion version;
    private final SoapOperation operation;
    private final RequestHeaders headers;
    private final Object payload;

    SoapRequest(SoapVersion version, SoapOperation operation, RequestHeaders headers, Object payload) {
        this.version = version;
        this.operation = operation;
        this.headers = headers;
        this.payload = payload;
    }

    public SoapVersion version() {
        return version;
    }

    /** The operation, found from the body element. */
    public SoapOperation operation() {
        return operation;
    }

    public RequestHeaders headers() {
        return headers;
    }

    /** The payload, an instance of {@link SoapOperation#requestType()}. */
    public Object payload() {
        return payload;
    }

    public <T> T payload(Class<T> type) {
        return type.cast(payload);
    }

    @Override
    public String toString() {
        return "SoapRequest[" + version.label() + ", " + operation.operationName() + ", " + headers + ", " + payload
                + "]";
    }
}
