package dev.sobatch.soap;

import java.util.Locale;
import java.util.Optional;

/**
 * The SOAP versions the codec speaks. Batch.svc's WSDL binds SOAP 1.1 ({@code BasicHttpBinding}), the
 * default everywhere in this SDK; SOAP 1.2 is there for servers configured with a 1.2 binding.
 */
public enum SoapVersion {
    /** SOAP 1.1: {@code text/xml} and a separate {@code SOAPAction} HTTP header. */
    SOAP_11("1.1", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml"),
    /** SOAP 1.2: {@code application/soap+xml} with the action as a Content-Type parameter. */
    SOAP_12("1.2", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml");

    private final String label;
    private final String envelopeNamespace;
    private final String mediaType;

    SoapVersion(String label, String envelopeNamespace, String mediaType) {
        this.label = label;
        this.envelopeNamespace = envelopeNamespace;
        this.mediaType = mediaType;
    }

    /** {@code "1.1"} or {@code "1.2"}. */
    public String label() {
        return label;
    }

    public String envelopeNamespace() {
        return envelopeNamespace;
    }

    /** The media type without parameters: {@code text/xml} or {@code application/soap+xml}. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header of a request for this operation. */
    public String contentType(SoapOperation operation) {
        return this == SOAP_11
                ? "text/xml; charset=utf-8"
                : "application/soap+xml; charset=utf-8; action=\"" + operation.action() + "\"";
    }

    /** The Content-Type of a response; SOAP 1.2 responses carry no action. */
    public String responseContentType() {
        return mediaType + "; charset=utf-8";
    }

    /** The value of the {@code SOAPAction} HTTP header (quoted), or empty for SOAP 1.2, which has none. */
    public Optional<String> soapActionHeader(SoapOperation operation) {
        return this == SOAP_11 ? Optional.of('"' + operation.action() + '"') : Optional.empty();
    }

    /** The version whose envelope namespace this is. */
    public static Optional<SoapVersion> forEnvelopeNamespace(String namespace) {
        for (SoapVersion v : values()) {
            if (v.envelopeNamespace.equals(namespace)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The version whose media type a Content-Type header names (parameters ignored). */
    public static Optional<SoapVersion> forContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (SoapVersion v : values()) {
            if (v.mediaType.equals(media)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code 1.1} / {@code 1.2} (also {@code 11}, {@code 12}, {@code SOAP_11}). */
    public static SoapVersion parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("SOAP", "").replace("_", "")
                .replace(".", "");
        switch (t) {
            case "11":
                return SOAP_11;
            case "12":
                return SOAP_12;
            default:
                throw new IllegalArgumentException("SOAP version must be 1.1 or 1.2, not '" + text + "'");
        }
    }
}
