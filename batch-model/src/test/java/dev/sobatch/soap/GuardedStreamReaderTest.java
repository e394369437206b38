package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.junit.jupiter.api.Test;

/**
 * A DTD event reads the same whichever StAX implementation reports it. Stax2 readers (Woodstox, which the
 * JDK's factory lookup picks whenever it is on the class path) report only the internal subset as the
 * event's text and name the root through {@code getDTDRootName()}; {@link Stax2LikeReader} reports a DTD
 * that way over the JDK's reader.
 */
class GuardedStreamReaderTest {

    @Test
    void anHtmlDoctypeFromAStax2ReaderIsAnHtmlPage() {
        GuardedStreamReader.DtdException e = dtdFailure(new Stax2LikeReader("<!DOCTYPE html><html/>", "html", ""));

        assertThat(e.isHtml()).isTrue();
    }

    @Test
    void anHtmlDoctypeWithEntitiesFromAStax2ReaderIsStillARefusedDtd() {
        GuardedStreamReader.DtdException e = dtdFailure(
                new Stax2LikeReader("<!DOCTYPE html><html/>", "html", "<!ENTITY a 'b'>"));

        assertThat(e.isHtml()).isFalse();
    }

    @Test
    void anotherDoctypeFromAStax2ReaderIsARefusedDtd() {
        GuardedStreamReader.DtdException e = dtdFailure(new Stax2LikeReader("<!DOCTYPE x><x/>", "x", ""));

        assertThat(e.isHtml()).isFalse();
    }

    @Test
    void theJdkReadersHtmlDoctypeIsAnHtmlPage() throws Exception {
        XMLStreamReader jdk = XmlFactories.INPUT.createXMLStreamReader(new StringReader("<!DOCTYPE html><html/>"));

        assertThat(dtdFailure(jdk).isHtml()).isTrue();
    }

    private static GuardedStreamReader.DtdException dtdFailure(XMLStreamReader reader) {
        GuardedStreamReader guarded = new GuardedStreamReader(reader, SoapCodec.MAX_DEPTH);
        return catchThrowableOfType(GuardedStreamReader.DtdException.class, () -> {
            while (guarded.hasNext()) {
                guarded.next();
            }
        });
    }

    /** Reports the DTD event as a Stax2 reader does: text is the internal subset, the root name by method. */
    public static final class Stax2LikeReader extends StreamReaderDelegate {
        private final String rootName;
        private final String internalSubset;

        Stax2LikeReader(String xml, String rootName, String internalSubset) {
            super(create(xml));
            this.rootName = rootName;
            this.internalSubset = internalSubset;
        }

        private static XMLStreamReader create(String xml) {
            try {
                return XmlFactories.INPUT.createXMLStreamReader(new StringReader(xml));
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getText() {
            return getEventType() == XMLStreamConstants.DTD ? internalSubset : super.getText();
        }

        public String getDTDRootName() {
            return rootName;
        }
    }
}
