package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.Namespaces;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.BatchTaskInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What goes on the wire: envelope, header placement and HTTP header values. */
class WireFormatTest {
    static final String SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope";
    private static final String TNS = Namespaces.SERVICES88;

    private final SoapCodec codec = SoapCodec.defaults();

    @Test
    void aSoap11RequestPutsTokenAndTicketUnderTheSoapHeaderInTheServices88Namespace() throws Exception {
        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, TestData.HEADERS,
                StartBatchJob.of(BatchTaskInfo.named("ExportContacts").build()));
        Element envelope = parse(wire).getDocumentElement();

        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP11_ENV);
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        List<Element> parts = children(envelope);
        assertThat(parts).extracting(Element::getLocalName).containsExactly("Header", "Body");
        assertThat(parts).extracting(Element::getNamespaceURI).containsOnly(SOAP11_ENV);
        assertThat(parts).extracting(Element::getTagName).containsExactly("s:Header", "s:Body");

        List<Element> headers = children(parts.get(0));
        assertThat(headers).extracting(Element::getLocalName).containsExactly("ApplicationToken", "Credentials");
        assertThat(headers).extracting(Element::getNamespaceURI).containsOnly(TNS);
        assertThat(headers.get(0).getTextContent()).isEqualTo(TestData.APP_TOKEN);
        List<Element> credentials = children(headers.get(1));
        assertThat(credentials).hasSize(1);
        assertThat(credentials.get(0).getLocalName()).isEqualTo("Ticket");
        assertThat(credentials.get(0).getNamespaceURI()).isEqualTo(TNS);
        assertThat(credentials.get(0).getTextContent()).isEqualTo(TestData.TICKET);

        List<Element> body = children(parts.get(1));
        assertThat(body).hasSize(1);
        assertThat(body.get(0).getNamespaceURI()).isEqualTo(TNS);
        assertThat(body.get(0).getLocalName()).isEqualTo("StartBatchJob");
        Element task = children(body.get(0)).get(0);
        assertThat(task.getLocalName()).isEqualTo("BatchTaskInfo");
        assertThat(children(task)).extracting(Element::getNamespaceURI).containsOnly(TNS);
    }

    @Test
    void aSoap12RequestUsesTheSoap12EnvelopeNamespace() throws Exception {
        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_12, BatchOperation.GET_BATCH_TASK_INFO, TestData.HEADERS,
                GetBatchTaskInfo.of(1));
        Element envelope = parse(wire).getDocumentElement();

        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP12_ENV);
        assertThat(children(envelope)).extracting(Element::getNamespaceURI).containsOnly(SOAP12_ENV);
    }

    @Test
    void theTimeZoneHeaderFollowsTheCredentialsAndHeadersThatAreNullAreLeftOut() throws Exception {
        byte[] withZone = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO,
                TestData.headersWithTimeZone(), GetBatchTaskInfo.of(1));
        byte[] none = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO,
                RequestHeaders.none(), GetBatchTaskInfo.of(1));

        Element header = children(parse(withZone).getDocumentElement()).get(0);
        assertThat(children(header)).extracting(Element::getLocalName)
                .containsExactly("ApplicationToken", "Credentials", "TimeZone");
        assertThat(children(children(header).get(2))).extracting(Element::getLocalName)
                .containsExactly("SoTimeZoneId", "SoTimeZoneLocationCode");
        Element emptyHeader = children(parse(none).getDocumentElement()).get(0);
        assertThat(children(emptyHeader)).isEmpty();
    }

    @Test
    void aSuccessResponseCarriesWcfsHeadersInOrderWithANilExceptionInfo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.STOP_BATCH_JOB, ResponseHeaders.success(),
                TestData.response(BatchOperation.STOP_BATCH_JOB), out);
        Element header = children(parse(out.toByteArray()).getDocumentElement()).get(0);

        List<Element> headers = children(header);
        assertThat(headers).extracting(Element::getLocalName)
                .containsExactly("ExceptionInfo", "ExtraInfo", "Succeeded", "TimeZone");
        assertThat(headers.get(0).getAttributeNS(Namespaces.XSI, "nil")).isEqualTo("true");
        assertThat(headers.get(2).getTextContent()).isEqualTo("true");
    }

    @ParameterizedTest
    @EnumSource(BatchOperation.class)
    void soap11SendsTextXmlAndTheQuotedActionAsSoapActionHeader(BatchOperation op) {
        assertThat(SoapVersion.SOAP_11.contentType(op)).isEqualTo("text/xml; charset=utf-8");
        assertThat(SoapVersion.SOAP_11.soapActionHeader(op))
                .contains("\"http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/" + op.operationName()
                        + "\"");
        assertThat(SoapVersion.SOAP_11.responseContentType()).isEqualTo("text/xml; charset=utf-8");
    }

    @ParameterizedTest
    @EnumSource(BatchOperation.class)
    void soap12PutsTheActionIntoTheContentTypeAndHasNoSoapActionHeader(BatchOperation op) {
        assertThat(SoapVersion.SOAP_12.contentType(op)).isEqualTo(
                "application/soap+xml; charset=utf-8; action=\"" + op.action() + "\"");
        assertThat(SoapVersion.SOAP_12.soapActionHeader(op)).isEmpty();
        assertThat(SoapVersion.SOAP_12.responseContentType()).isEqualTo("application/soap+xml; charset=utf-8");
    }

    @Test
    void everyOperationHasTheWsdlsActionAndBodyElements() {
        assertThat(BatchOperation.values()).hasSize(15);
        for (BatchOperation op : BatchOperation.values()) {
            assertThat(op.action()).isEqualTo(BatchOperation.ACTION_PREFIX + op.operationName());
            assertThat(op.requestElement().getNamespaceURI()).isEqualTo(TNS);
            assertThat(op.requestElement().getLocalPart()).isEqualTo(op.operationName());
            assertThat(op.responseElement().getLocalPart()).isEqualTo(op.operationName() + "Response");
            assertThat(BatchOperation.forName(op.operationName())).contains(op);
        }
        assertThat(BatchOperation.forName("startbatchjob")).isEmpty();
        assertThat(BatchOperation.START_BATCH_JOB.idempotent()).isFalse();
        assertThat(BatchOperation.UPDATE_BATCH_TASK.idempotent()).isFalse();
        assertThat(BatchOperation.GET_BATCH_TASK_INFO.idempotent()).isTrue();
    }

    @Test
    void encodingAPayloadOfTheWrongTypeIsRefusedWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.STOP_BATCH_JOB,
                        TestData.HEADERS, GetBatchTaskInfo.of(1)))
                .withMessageContaining("StopBatchJob").withMessageContaining("GetBatchTaskInfo");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> children(Node parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }
}
