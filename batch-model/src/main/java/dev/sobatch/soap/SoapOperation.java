package dev.sobatch.soap;

import javax.xml.namespace.QName;

/** An operation the codec can encode and decode: its action, body elements and payload types. */
public interface SoapOperation {
    /** The operation's name as the WSDL spells it, e.g. {@code StartBatchJob}. */
    String operationName();

    /** The action URI ({@code SOAPAction} in SOAP 1.1, the {@code action} parameter in SOAP 1.2). */
    String action();

    /** The request body element. */
    QName requestElement();

    /** The response body element. */
    QName responseElement();

    /** The class the request body binds to. */
    Class<?> requestType();

    /** The class the response body binds to. */
    Class<?> responseType();

    /**
     * Whether sending the request twice has the same effect as sending it once. Only idempotent operations
     * are re-sent after a failure whose outcome is unknown.
     */
    boolean idempotent();
}
