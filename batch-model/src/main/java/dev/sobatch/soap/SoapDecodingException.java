package dev.sobatch.soap;

/**
 * The one exception the codec throws for input it cannot accept. The {@link Reason} tells the case; the
 * message names what was expected and what came, and never repeats secrets from the input.
 */
public final class SoapDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the input was refused. */
    public enum Reason {
        /** Not well-formed XML, or not XML at all (an empty or truncated document, plain text, binary data). */
        MALFORMED,
        /** A DTD or entity declaration: refused to rule out XXE and entity expansion. */
        FORBIDDEN_DTD,
        /** More bytes than the limit the caller set. */
        TOO_LARGE,
        /** Elements nested deeper than the codec allows. */
        TOO_DEEP,
        /**
         * Not a SOAP envelope (for example an HTML error page, with or without {@code <!DOCTYPE html>}), or an
         * envelope without a Body or with an empty one.
         */
        NOT_SOAP,
        /** The body holds another element than the one the operation answers with. */
        UNEXPECTED_ELEMENT,
        /** A value that does not fit its type, e.g. a non-integer {@code Response}. */
        INVALID_VALUE,
        /** A request for an operation this codec does not know. */
        UNKNOWN_OPERATION
    }

    private final Reason reason;

    public SoapDecodingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SoapDecodingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
