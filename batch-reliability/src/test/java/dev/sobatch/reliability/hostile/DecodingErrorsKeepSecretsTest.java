package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request whose markup is broken next to a secret: the decoding error (message and every cause, as a
 * server would log it) must not repeat the secret. Found by the stacked-mutation property, where one
 * deleted '>' turned the token into part of an element name that the XML parser then quoted.
 */
class DecodingErrorsKeepSecretsTest {
    private static final String REQUEST = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>"
            + "<ApplicationToken xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">%s</ApplicationToken>"
            + "<Credentials xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\"><Ticket>%s</Ticket>"
            + "</Credentials></s:Header><s:Body><GetBatchTaskInfo "
            + "xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\"><Id>1</Id></GetBatchTaskInfo>"
            + "</s:Body></s:Envelope>";

    private static List<String> messages(Throwable e) {
        List<String> all = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.add(t.getClass().getName() + ": " + t.getMessage());
            if (t instanceof javax.xml.stream.XMLStreamException x && x.getNestedException() != null) {
                all.add(x.getNestedException().toString());
            }
        }
        return all;
    }

    private static void assertNoSecretIn(String xml) {
        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> SoapCodec.defaults().decodeRequest(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(e).isNotNull();
        assertThat(messages(e)).allSatisfy(m -> assertThat(m).doesNotContain(Envelopes.APP_TOKEN)
                .doesNotContain(Envelopes.TICKET));
    }

    @Test
    void tokenFusedIntoAnElementNameIsNotQuotedInTheError() {
        // as the property found it: the '>' after the start tag's name is gone, so the token joins the name
        String xml = String.format(REQUEST, Envelopes.APP_TOKEN, Envelopes.TICKET).replace(
                "<ApplicationToken xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">",
                "<ApplicationToken");
        assertNoSecretIn(xml);
    }

    @Test
    void ticketFusedIntoAnElementNameIsNotQuotedInTheError() {
        String ticketAsName = "T7" + Envelopes.TICKET.replaceAll("[^A-Za-z0-9]", "");
        String xml = String.format(REQUEST, Envelopes.APP_TOKEN, "x").replace("<Ticket>x", "<Ticket " + ticketAsName);
        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> SoapCodec.defaults().decodeRequest(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(messages(e)).allSatisfy(m -> assertThat(m).doesNotContain(ticketAsName));
    }
}
