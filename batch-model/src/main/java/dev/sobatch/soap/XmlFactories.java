package dev.sobatch.soap;

import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX input factory of the codec: Woodstox, created directly (not found through the class path,
 * so that the hardening below always applies to the parser it was written for) and hardened once: no
 * DTDs, no external entities, no entity expansion. A configured Woodstox factory is thread-safe, and its
 * readers recycle their buffers per thread, so one factory serves every thread, event loops included.
 * (Envelopes are written by {@link Utf8XmlWriter}, not by a StAX output factory.)
 *
 * <p>Why Woodstox rather than the JDK's built-in parser: the JDK's reader allocates about 16 KiB of buffers
 * per document unless one reader per thread is recycled, its recycling copies its security limits on every
 * document, and it ends every document by throwing and catching an exception; a StartBatchJobResponse
 * decodes in about 60 % of the time with Woodstox (docs/BENCHMARKS.md).
 */
final class XmlFactories {
    static final XMLInputFactory INPUT = hardenedInput();

    private XmlFactories() {
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory f = new WstxInputFactory();
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
