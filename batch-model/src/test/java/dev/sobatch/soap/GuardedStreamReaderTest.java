package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * How the codec's parser (Aalto) reports a DOCTYPE, and what the guard makes of it: an HTML page's bare
 * {@code <!DOCTYPE html>} is "not SOAP", anything else, above all a declaration with entities, a refused DTD.
 */
class GuardedStreamReaderTest {

    @Test
    void anHtmlDoctypeIsAnHtmlPage() {
        assertThat(dtdFailure("<!DOCTYPE html><html><body>Service Unavailable</body></html>").isHtml()).isTrue();
    }

    @Test
    void anHtmlDoctypeInUpperCaseWithAnExternalDtdIsAnHtmlPageAndTheDtdIsNotFetched() {
        assertThat(dtdFailure("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
                + "\"http://www.w3.org/TR/html4/strict.dtd\"><HTML/>").isHtml()).isTrue();
    }

    @Test
    void anHtmlDoctypeWithEntitiesIsStillARefusedDtd() {
        assertThat(dtdFailure("<!DOCTYPE html [<!ENTITY a 'b'>]><html>&a;</html>").isHtml()).isFalse();
    }

    @Test
    void anotherDoctypeIsARefusedDtd() {
        assertThat(dtdFailure("<!DOCTYPE x><x/>").isHtml()).isFalse();
    }

    @Test
    void theCodecsParserIsAalto() {
        assertThat(XmlFactories.INPUT.getClass().getName()).isEqualTo("com.fasterxml.aalto.stax.InputFactoryImpl");
    }

    private static GuardedStreamReader.DtdException dtdFailure(String document) {
        return catchThrowableOfType(GuardedStreamReader.DtdException.class, () -> {
            XMLStreamReader reader = XmlFactories.INPUT.createXMLStreamReader(new StringReader(document));
            GuardedStreamReader guarded = new GuardedStreamReader(reader, SoapCodec.MAX_DEPTH);
            while (guarded.hasNext()) {
                guarded.next();
            }
        });
    }
}
