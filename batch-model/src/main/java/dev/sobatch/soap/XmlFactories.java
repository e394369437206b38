package dev.sobatch.soap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/** Shared StAX factories, hardened once: no DTDs, no external entities, no entity expansion. */
final class XmlFactories {
    static final XMLInputFactory INPUT = hardenedInput();
    static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlFactories() {
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not resolved");
        });
        return f;
    }
}
