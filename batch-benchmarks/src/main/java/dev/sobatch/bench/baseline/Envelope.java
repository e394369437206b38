package dev.sobatch.bench.baseline;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A SOAP 1.1 envelope as a JAXB class, the way a hand-written client maps the whole message: header and
 * body entries are whatever elements the context knows (lax), so the payload classes plug straight in.
 */
@XmlRootElement(name = "Envelope", namespace = Envelope.SOAP11)
@XmlAccessorType(XmlAccessType.FIELD)
public class Envelope {
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    @XmlElement(name = "Header", namespace = SOAP11)
    public Section header = new Section();

    @XmlElement(name = "Body", namespace = SOAP11)
    public Section body = new Section();

    /** The children of Header or Body. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Section {
        @XmlAnyElement(lax = true)
        public List<Object> entries = new ArrayList<>();
    }
}
