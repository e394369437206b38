package dev.sobatch.soap;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Shared StAX input factories, hardened once: no DTDs, no external entities, no entity expansion.
 * (Envelopes are written by {@link Utf8XmlWriter}, not by a StAX output factory.)
 *
 * <p>The JDK's built-in implementation allocates about 16 KiB of buffers for every reader it creates,
 * more than the rest of a small decode together, but a factory with its {@code reuse-instance} property
 * set hands out the same reader again once the previous one is closed. Such factories are not
 * thread-safe, so a small pool of them is kept, each one used by one thread at a time. A recycled reader
 * keeps the names it has seen, so a factory is dropped after a bounded number of documents, and after any
 * document that was large or failed. Other StAX implementations (for example Woodstox, when it is on the
 * class path) recycle their buffers themselves; for them one shared factory is used as before.
 */
final class XmlFactories {
    static final XMLInputFactory INPUT = hardenedInput(false);

    private static final String REUSE_INSTANCE = "reuse-instance";
    private static final int POOL_SIZE = 2 * Runtime.getRuntime().availableProcessors() + 2;
    /** Documents one recycled reader may read before it is dropped, bounding what its name table keeps. */
    private static final int MAX_USES = 512;
    /** A document larger than this is not read by a recycled reader again. */
    private static final long MAX_RECYCLED_DOCUMENT_BYTES = 256 * 1024;

    private static final boolean RECYCLE_READERS = supportsReuse(INPUT);
    private static final Input SHARED_INPUT = new Input(INPUT);
    private static final Pool<Input> INPUTS = new Pool<>(POOL_SIZE);

    private XmlFactories() {
    }

    private static XMLInputFactory hardenedInput(boolean reuse) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not resolved");
        });
        if (reuse) {
            f.setProperty(REUSE_INSTANCE, Boolean.TRUE);
        }
        return f;
    }

    private static boolean supportsReuse(Object factory) {
        return factory.getClass().getName().startsWith("com.sun.xml.internal.stream.");
    }

    /** A reader factory borrowed from the pool, with the count of documents its reader has read. */
    static final class Input {
        private final XMLInputFactory factory;
        private int uses;

        private Input(XMLInputFactory factory) {
            this.factory = factory;
        }

        XMLStreamReader createReader(InputStream in) throws XMLStreamException {
            return factory.createXMLStreamReader(in);
        }
    }

    /** A factory whose readers this thread may use until {@link #release} (or the shared one). */
    static Input borrowInput() {
        if (!RECYCLE_READERS) {
            return SHARED_INPUT;
        }
        Input input = INPUTS.poll();
        return input != null ? input : new Input(hardenedInput(true));
    }

    /**
     * Gives a factory back after its reader was closed. {@code clean} says the document was read to its end
     * without error; only then, and only for a small document, is the reader used again.
     */
    static void release(Input input, boolean clean, long documentBytes) {
        if (input == SHARED_INPUT) {
            return;
        }
        if (clean && documentBytes <= MAX_RECYCLED_DOCUMENT_BYTES && ++input.uses < MAX_USES) {
            INPUTS.offer(input);
        }
    }
}
