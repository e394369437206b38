package dev.sobatch.soap;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX input factory of the codec: Aalto (FasterXML's StAX parser, the one Spring's reactive XML
 * decoding uses), created directly rather than found through the class path, so that the hardening below
 * always applies to the parser it was written for: no DTDs, no external entities, no entity expansion (Aalto
 * reports a DOCTYPE and entity references as events and never expands them; {@link GuardedStreamReader}
 * refuses both). A configured factory is thread-safe and its readers recycle their buffers per thread, so
 * one factory serves every thread, event loops included. (Envelopes are written by {@link Utf8XmlWriter},
 * not by a StAX output factory.)
 *
 * <p>Why not the JDK's built-in parser: it allocates about 16 KiB of buffers per document unless one reader
 * per thread is recycled, its recycling copies its security limits on every document, and it ends every
 * document by throwing and catching an exception. A StartBatchJobResponse decodes in 2.4 µs with Aalto,
 * 3.4 µs with Woodstox and 5.5 µs with the JDK's reader (docs/BENCHMARKS.md).
 */
final class XmlFactories {
    static final XMLInputFactory INPUT = hardenedInput();

    private XmlFactories() {
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory f = new InputFactoryImpl();
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
