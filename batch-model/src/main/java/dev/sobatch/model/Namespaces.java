package dev.sobatch.model;

/** XML namespaces of the Services88 contract. */
public final class Namespaces {
    /** Target namespace of every Services88 element (payloads and SOAP headers). */
    public static final String SERVICES88 = "http://www.superoffice.net/ws/crm/NetServer/Services88";
    /** Namespace of .NET serialized arrays such as {@code ArrayOfint}. */
    public static final String ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    /** XML Schema instance namespace ({@code xsi:nil}, {@code xsi:type}). */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Namespaces() {
    }
}
