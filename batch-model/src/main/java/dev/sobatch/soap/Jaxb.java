package dev.sobatch.soap;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.SoCredentials;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoExtraInfo;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.StringDictionary;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The one {@link JAXBContext} of the JVM, and small pools of marshallers and unmarshallers: creating a
 * context is expensive, and (un)marshallers are not thread-safe but are cheap to keep.
 */
final class Jaxb {
    static final JAXBContext CONTEXT = createContext();

    private static final int POOL_SIZE = 32;
    private static final Pool<Marshaller> MARSHALLERS = new Pool<>(POOL_SIZE);
    private static final Pool<Unmarshaller> UNMARSHALLERS = new Pool<>(POOL_SIZE);

    private Jaxb() {
    }

    private static JAXBContext createContext() {
        List<Class<?>> classes = new ArrayList<>(List.of(BatchTaskInfo.class, StringDictionary.class,
                ArrayOfint.class, SoExceptionInfo.class, SoExtraInfo.class, SoTimeZone.class, SoCredentials.class));
        for (BatchOperation op : BatchOperation.values()) {
            classes.add(op.requestType());
            classes.add(op.responseType());
        }
        for (SoPrincipalOperation op : SoPrincipalOperation.values()) {
            classes.add(op.requestType());
            classes.add(op.responseType());
        }
        try {
            return JAXBContext.newInstance(classes.stream().distinct().toArray(Class<?>[]::new));
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Marshaller marshaller() {
        Marshaller m = MARSHALLERS.poll();
        if (m != null) {
            return m;
        }
        try {
            m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB marshaller", e);
        }
    }

    static void release(Marshaller m) {
        MARSHALLERS.offer(m);
    }

    static Unmarshaller unmarshaller() {
        Unmarshaller u = UNMARSHALLERS.poll();
        if (u != null) {
            return u;
        }
        try {
            u = CONTEXT.createUnmarshaller();
            u.setEventHandler(Jaxb::tolerateUnknownContent);
            return u;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB unmarshaller", e);
        }
    }

    static void release(Unmarshaller u) {
        UNMARSHALLERS.offer(u);
    }

    /**
     * Unknown elements and attributes (a newer server's additions) are reported without a linked exception
     * and are skipped; a value that fails conversion carries its exception and stops the read.
     */
    private static boolean tolerateUnknownContent(ValidationEvent event) {
        return event.getSeverity() != ValidationEvent.FATAL_ERROR && event.getLinkedException() == null;
    }
}
