package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapDecodingException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The classic XML attacks, each with the reason the codec must give, in both decode directions. */
class HostileXmlExamplesTest {
    private static final SoapCodec CODEC = SoapCodec.defaults();
    private static final String ENV = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
            + "<StartBatchJobResponse xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">"
            + "<Response>%s</Response></StartBatchJobResponse></s:Body></s:Envelope>";

    private static void assertRefused(String xml, Reason reason) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(DecodeOutcome.response(CODEC, BatchOperation.START_BATCH_JOB, bytes))
                .isInstanceOfSatisfying(SoapDecodingException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(DecodeOutcome.request(CODEC, bytes))
                .isInstanceOfSatisfying(SoapDecodingException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void billionLaughsIsRefusedAsADtd() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        assertRefused(dtd + String.format(ENV, "&lol9;"), Reason.FORBIDDEN_DTD);
    }

    @Test
    void externalEntityIsRefusedAsADtd() {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + String.format(ENV, "&xxe;"), Reason.FORBIDDEN_DTD);
    }

    @Test
    void externalParameterEntityIsRefusedAsADtd() {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]>"
                + String.format(ENV, "1"), Reason.FORBIDDEN_DTD);
    }

    @Test
    void externalDtdIsRefused() {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE s:Envelope SYSTEM \"http://127.0.0.1:1/soap.dtd\">"
                + String.format(ENV, "1"), Reason.FORBIDDEN_DTD);
    }

    @Test
    void undeclaredEntityReferenceIsRefused() {
        byte[] bytes = String.format(ENV, "&undeclared;").getBytes(StandardCharsets.UTF_8);
        assertThat(DecodeOutcome.response(CODEC, BatchOperation.START_BATCH_JOB, bytes))
                .isInstanceOf(SoapDecodingException.class);
    }

    @Test
    void htmlErrorPageIsNotSoap() {
        assertRefused("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", Reason.NOT_SOAP);
    }

    @Test
    void emptyInputIsMalformed() {
        assertRefused("", Reason.MALFORMED);
    }

    @Test
    void declaredUtf16WithUtf8BytesEndsInADocumentedOutcome() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + String.format(ENV, "1"))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(DecodeOutcome.response(CODEC, BatchOperation.START_BATCH_JOB, bytes))
                .isInstanceOf(SoapDecodingException.class);
    }

    @Test
    void utf16EnvelopeWithBomDecodes() {
        byte[] bytes = ("\uFEFF" + String.format(ENV, "17")).getBytes(StandardCharsets.UTF_16BE);
        assertThat(DecodeOutcome.response(CODEC, BatchOperation.START_BATCH_JOB, bytes))
                .isInstanceOf(dev.sobatch.soap.SoapResponse.class);
    }
}
