package dev.sobatch.soap;

import java.util.Objects;

/**
 * A SOAP Fault, in either version. The code is version-neutral: {@link Code#CLIENT} is SOAP 1.1's
 * {@code Client} and SOAP 1.2's {@code Sender}; {@link Code#SERVER} is {@code Server} / {@code Receiver}.
 */
public final class SoapFault {
    /** Who is to blame, per the SOAP specifications. */
    public enum Code {
        CLIENT, SERVER, VERSION_MISMATCH, MUST_UNDERSTAND, OTHER
    }

    private final Code code;
    private final String codeText;
    private final String reason;
    private final String detail;

    private SoapFault(Code code, String codeText, String reason, String detail) {
        this.code = code;
        this.codeText = codeText;
        this.reason = reason == null ? "" : reason;
        this.detail = detail;
    }

    /** A fault blaming the request. */
    public static SoapFault client(String reason, String detail) {
        return new SoapFault(Code.CLIENT, null, reason, detail);
    }

    /** A fault blaming the service. */
    public static SoapFault server(String reason, String detail) {
        return new SoapFault(Code.SERVER, null, reason, detail);
    }

    /** A fault as read from the wire; {@code codeText} is the code's text (e.g. {@code s:Client}). */
    public static SoapFault of(String codeText, String reason, String detail) {
        return new SoapFault(codeOf(codeText), codeText, reason, detail);
    }

    public Code code() {
        return code;
    }

    /** The code as written on the wire, or the neutral name when this fault was made in code. */
    public String codeText() {
        return codeText != null ? codeText : code.name();
    }

    /** {@code faultstring} (1.1) or {@code Reason/Text} (1.2); never {@code null}. */
    public String reason() {
        return reason;
    }

    /** The text content of {@code detail} / {@code Detail}, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The local name of the code for a version, e.g. {@code Client} or {@code Sender}. */
    public String codeName(SoapVersion version) {
        boolean v11 = version == SoapVersion.SOAP_11;
        switch (code) {
            case CLIENT:
                return v11 ? "Client" : "Sender";
            case SERVER:
                return v11 ? "Server" : "Receiver";
            case VERSION_MISMATCH:
                return "VersionMismatch";
            case MUST_UNDERSTAND:
                return "MustUnderstand";
            default:
                return v11 ? "Server" : "Receiver";
        }
    }

    private static Code codeOf(String text) {
        if (text == null) {
            return Code.OTHER;
        }
        String local = text.substring(text.indexOf(':') + 1);
        int dot = local.indexOf('.');
        if (dot > 0) {
            local = local.substring(0, dot);
        }
        switch (local) {
            case "Client":
            case "Sender":
                return Code.CLIENT;
            case "Server":
            case "Receiver":
                return Code.SERVER;
            case "VersionMismatch":
                return Code.VERSION_MISMATCH;
            case "MustUnderstand":
                return Code.MUST_UNDERSTAND;
            default:
                return Code.OTHER;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoapFault f && code == f.code && reason.equals(f.reason) && Objects.equals(detail, f.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, reason, detail);
    }

    @Override
    public String toString() {
        return "SoapFault[" + codeText() + ": " + reason + "]";
    }
}
