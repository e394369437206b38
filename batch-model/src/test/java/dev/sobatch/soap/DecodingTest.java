package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.StringPair;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How responses and requests as servers really write them are read. */
class DecodingTest {
    private static final String TNS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
    private final SoapCodec codec = SoapCodec.defaults();

    // ------------------------------------------------------------------ faults and failures

    @Test
    void aWcfSoap11FaultIsReadWithItsCodeReasonAndDetail() {
        SoapResponse response = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFO,
                TestData.fixture("fault-soap11.xml"));

        assertThat(response.version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(response.isFault()).isTrue();
        SoapFault fault = response.fault().orElseThrow();
        assertThat(fault.codeText()).isEqualTo("a:InternalServiceFault");
        assertThat(fault.code()).isEqualTo(SoapFault.Code.OTHER);
        assertThat(fault.reason()).isEqualTo("The server was unable to process the request due to an internal error.");
        assertThat(fault.detail()).contains("Object reference not set").contains("System.NullReferenceException");
        assertThat(response.headers().succeeded()).isNull();
    }

    @Test
    void aSoap11ClientFaultMapsToTheClientCode() {
        SoapFault fault = codec.decodeResponse(BatchOperation.STOP_BATCH_JOB, TestData.fixture("fault-soap11-client.xml"))
                .fault().orElseThrow();

        assertThat(fault.code()).isEqualTo(SoapFault.Code.CLIENT);
        assertThat(fault.codeText()).isEqualTo("s:Client");
        assertThat(fault.detail()).isNull();
    }

    @Test
    void aSoap12FaultIsReadFromCodeValueReasonTextAndDetail() {
        SoapResponse response = codec.decodeResponse(BatchOperation.START_BATCH_JOB, TestData.fixture("fault-soap12.xml"));

        assertThat(response.version()).isEqualTo(SoapVersion.SOAP_12);
        SoapFault fault = response.fault().orElseThrow();
        assertThat(fault.code()).isEqualTo(SoapFault.Code.CLIENT);
        assertThat(fault.codeText()).isEqualTo("s:Sender");
        assertThat(fault.reason()).isEqualTo("The message with Action 'urn:nope' cannot be processed at the receiver.");
        assertThat(fault.detail()).isEqualTo("check the action");
    }

    @Test
    void askingAFaultForItsPayloadIsAnIllegalState() {
        SoapResponse response = codec.decodeResponse(BatchOperation.START_BATCH_JOB, TestData.fixture("fault-soap12.xml"));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> response.payload(IntResponse.class)).withMessageContaining("fault");
    }

    @Test
    void succeededFalseIsReadWithExceptionInfoItsInnerExceptionAndParameters() {
        SoapResponse response = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFO,
                TestData.fixture("wcf-soap11-failure-response.xml"));

        ResponseHeaders headers = response.headers();
        assertThat(response.isFault()).isFalse();
        assertThat(headers.succeeded()).isFalse();
        assertThat(headers.reportsFailure()).isTrue();
        assertThat(headers.extraInfo()).isNull();
        assertThat(headers.timeZone()).isNull();
        SoExceptionInfo info = headers.exceptionInfo();
        assertThat(info.message()).isEqualTo("Ticket expired or invalid");
        assertThat(info.friendlyText()).isEqualTo("Your session has expired. Please log in again.");
        assertThat(info.displayText()).isEqualTo(info.friendlyText());
        assertThat(info.exceptionType()).isEqualTo("SoSecurityException");
        assertThat(info.source()).isEqualTo("SoCore");
        assertThat(info.stackTrace()).contains("SoPrincipal.Validate");
        assertThat(info.parameters()).containsExactly(
                org.assertj.core.api.Assertions.entry("Operation", "GetBatchTaskInfo"),
                org.assertj.core.api.Assertions.entry("AssociateId", "13"));
        SoExceptionInfo inner = info.innerException();
        assertThat(inner.message()).isEqualTo("Credentials rejected & logged");
        assertThat(inner.exceptionType()).isEqualTo("SoInvalidTicketException");
        assertThat(inner.stackTrace()).isNull();
        assertThat(inner.displayText()).isEqualTo("Credentials rejected & logged");
        assertThat(inner.innerException()).isNull();
        assertThat(inner.parameters()).isEmpty();
        assertThat(info.toString()).contains("SoSecurityException", "SoInvalidTicketException").doesNotContain("at SuperOffice");
        assertThat(response.payload(BatchTaskInfoResponse.class).value()).isNull();
    }

    @Test
    void aNilExceptionInfoOnAWcfSuccessIsNoError() {
        SoapResponse response = codec.decodeResponse(BatchOperation.START_BATCH_JOB,
                TestData.fixture("wcf-soap11-success-response.xml"));

        assertThat(response.version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(response.headers().exceptionInfo()).isNull();
        assertThat(response.headers().extraInfo()).isNull();
        assertThat(response.headers().succeeded()).isTrue();
        assertThat(response.headers().reportsFailure()).isFalse();
        assertThat(response.headers().timeZone()).isEqualTo(SoTimeZone.of(1, "UTC"));
        assertThat(response.payload(IntResponse.class).value()).isEqualTo(4711);
    }

    // ------------------------------------------------------------------ tolerance

    @Test
    void unknownHeadersElementsAndEnumValuesFromANewerServerAreIgnoredOrKeptAsText() {
        SoapResponse response = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                TestData.fixture("unknown-elements-response.xml"));

        assertThat(response.headers().succeeded()).isTrue();
        assertThat(response.headers().exceptionInfo()).isNull();
        List<BatchTaskInfo> tasks = response.payload(BatchTaskInfoListResponse.class).value();
        assertThat(tasks).hasSize(1);
        BatchTaskInfo task = tasks.get(0);
        assertThat(task.id()).isEqualTo(77);
        assertThat(task.name()).isEqualTo("FutureTask");
        assertThat(task.associateId()).isEqualTo(5);
        assertThat(task.startCount()).isEqualTo(3);
        assertThat(task.progressPercent()).isEqualTo((short) 12);
        assertThat(task.parameters().pairs()).containsExactly(StringPair.of("mode", "fast"));
        assertThat(task.state()).isEqualTo(BatchTaskState.UNKNOWN);
        assertThat(task.stateText()).isEqualTo("Paused");
        assertThat(task.cancellationBehaviour()).isEmpty();
        assertThat(task.cancellationBehaviourText()).isEqualTo("Whatever");
    }

    @Test
    void anUnknownStateSurvivesBeingSentBackUnchanged() {
        BatchTaskInfo task = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                TestData.fixture("unknown-elements-response.xml")).payload(BatchTaskInfoListResponse.class).value().get(0);

        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.UPDATE_BATCH_TASK, TestData.HEADERS,
                dev.sobatch.model.message.UpdateBatchTask.of(task));

        assertThat(TestData.utf8(wire)).contains(">Paused<").contains(">Whatever<").doesNotContain("NewField");
    }

    @Test
    void nilValuesReadAsNullANilParameterObjectAsEmptyAndANilListEntryIsDropped() {
        SoapResponse response = codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                TestData.fixture("nil-values-response.xml"));

        List<BatchTaskInfo> tasks = response.payload(BatchTaskInfoListResponse.class).value();
        assertThat(tasks).extracting(BatchTaskInfo::id).containsExactly(1, 3, 4);
        BatchTaskInfo nils = tasks.get(0);
        assertThat(nils.name()).isNull();
        assertThat(nils.parameters().isEmpty()).isTrue();
        assertThat(nils.databaseSerialNumber()).isNull();
        assertThat(nils.context()).isNull();
        assertThat(nils.result()).isNull();
        assertThat(nils.description()).isNull();
        assertThat(nils.response()).isNull();
        assertThat(nils.request()).isNull();
        assertThat(nils.progressDescription()).isNull();
        assertThat(nils.fileName()).isNull();
        assertThat(nils.stateText()).isNull();
        assertThat(nils.state()).isEqualTo(BatchTaskState.UNKNOWN);
        assertThat(nils.created()).isNull();
        assertThat(tasks.get(1).parameters().isEmpty()).isTrue();
        assertThat(tasks.get(1).parameters().asMap()).isEmpty();
        assertThat(tasks.get(2).parameters().pairs())
                .containsExactly(StringPair.of(null, "orphan"), StringPair.of("empty", null));
        assertThat(tasks.get(2).parameters().get(null)).isEqualTo("orphan");
    }

    @Test
    void everyDotNetDateTimeFormIsReadAsDocumentedInTheAdapter() {
        List<BatchTaskInfo> tasks = codec.decodeResponse(BatchOperation.GET_ALL_BATCH_TASK_INFOS_BY_NAME,
                TestData.fixture("datetime-forms-response.xml")).payload(BatchTaskInfoListResponse.class).value();

        assertThat(tasks).hasSize(5);
        OffsetDateTime utc = OffsetDateTime.of(2021, 11, 30, 13, 23, 33, 0, ZoneOffset.UTC);
        // Z: that instant at offset Z
        assertThat(tasks.get(0).created()).isEqualTo(utc);
        assertThat(tasks.get(0).lastStarted()).as("0001-01-01T00:00:00 means never").isNull();
        // offset kept
        assertThat(tasks.get(1).created()).isEqualTo(OffsetDateTime.of(2021, 11, 30, 14, 23, 33, 0, ZoneOffset.ofHours(1)));
        assertThat(tasks.get(1).created().toInstant()).isEqualTo(utc.toInstant());
        assertThat(tasks.get(1).lastStarted().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(tasks.get(1).lastStarted().toInstant()).isEqualTo(utc.toInstant());
        // no offset: read as UTC
        assertThat(tasks.get(2).created()).isEqualTo(utc);
        assertThat(tasks.get(2).lastStarted()).isNull();
        // 7 fractional digits kept exactly
        assertThat(tasks.get(3).created()).isEqualTo(utc.withNano(123_456_700));
        assertThat(tasks.get(3).lastStarted()).isEqualTo(
                OffsetDateTime.of(2021, 11, 30, 13, 23, 33, 123_456_700, ZoneOffset.ofHours(2)));
        // MinValue, with and without Z
        assertThat(tasks.get(4).created()).isNull();
        assertThat(tasks.get(4).lastStarted()).isNull();
    }

    @Test
    void anInvalidDateTimeIsAnInvalidValueNotACrash() {
        String xml = envelope11("<GetBatchTaskInfoResponse xmlns='" + TNS + "'><Response><Created>yesterday</Created>"
                + "</Response></GetBatchTaskInfoResponse>");

        SoapDecodingException e = decodeResponseFails(BatchOperation.GET_BATCH_TASK_INFO, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
    }

    @ParameterizedTest
    @EnumSource(SoapVersion.class)
    void nonAsciiAndXmlSpecialCharactersRoundTripExactly(SoapVersion version) {
        String tricky = "<&>\"' æøå ÆØÅ 日本語 😀 ]]> &amp; \t tab";
        BatchTaskInfo task = BatchTaskInfo.named(tricky).parameter(tricky, tricky).parameter("k<>", "v&\"")
                .description(tricky).progressDescription("  leading and trailing spaces  ").build();
        RequestHeaders headers = RequestHeaders.of("tøken&<>", "7T:æøå\"'==");

        byte[] wire = codec.encodeRequest(version, BatchOperation.START_BATCH_JOB, headers, StartBatchJob.of(task));
        SoapRequest decoded = codec.decodeRequest(new ByteArrayInputStream(wire));

        BatchTaskInfo back = decoded.payload(StartBatchJob.class).batchTaskInfo();
        assertThat(back).isEqualTo(task);
        assertThat(back.name()).isEqualTo(tricky);
        assertThat(back.parameters().get(tricky)).isEqualTo(tricky);
        assertThat(back.progressDescription()).isEqualTo("  leading and trailing spaces  ");
        assertThat(decoded.headers()).isEqualTo(headers);
        assertThat(new String(wire, StandardCharsets.UTF_8)).contains("æøå", "日本語");
    }

    @Test
    void headersDirectlyUnderTheEnvelopeAreReadAsTheVendorWritesThem() {
        String xml = "<e:Envelope xmlns:e='http://schemas.xmlsoap.org/soap/envelope/' xmlns:b='" + TNS + "'>"
                + "<b:ApplicationToken>tok</b:ApplicationToken>"
                + "<b:Credentials><b:Ticket>7T:abc</b:Ticket></b:Credentials>"
                + "<b:TimeZone><b:SoTimeZoneId>3</b:SoTimeZoneId><b:SoTimeZoneLocationCode>CET</b:SoTimeZoneLocationCode></b:TimeZone>"
                + "<e:Body><b:StopBatchJob><b:Id>9</b:Id></b:StopBatchJob></e:Body></e:Envelope>";

        SoapRequest request = codec.decodeRequest(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(request.headers()).isEqualTo(RequestHeaders.of("tok", "7T:abc").withTimeZone(SoTimeZone.of(3, "CET")));
        assertThat(request.payload(dev.sobatch.model.message.StopBatchJob.class))
                .isEqualTo(dev.sobatch.model.message.StopBatchJob.of(9));
    }

    @Test
    void xsiTypeAttributesAreIgnoredEvenWhenTheyNameUnknownTypes() {
        String xml = envelope11("<StartBatchJobResponse xmlns='" + TNS + "' xmlns:x='http://www.w3.org/2001/XMLSchema-instance'"
                + " xmlns:xsd='http://www.w3.org/2001/XMLSchema'>"
                + "<Response x:type='xsd:int'>42</Response></StartBatchJobResponse>");
        String unknownType = envelope11("<GetBatchTaskInfoResponse xmlns='" + TNS + "' xmlns:x='http://www.w3.org/2001/XMLSchema-instance'>"
                + "<Response x:type='NoSuchType'><Id x:type='AlsoUnknown'>5</Id></Response></GetBatchTaskInfoResponse>");

        assertThat(codec.decodeResponse(BatchOperation.START_BATCH_JOB, bytes(xml)).payload(IntResponse.class).value())
                .isEqualTo(42);
        assertThat(codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFO, bytes(unknownType))
                .payload(BatchTaskInfoResponse.class).value().id()).isEqualTo(5);
    }

    @Test
    void aMissingResponseElementReadsAsNull() {
        String xml = envelope11("<StartBatchJobResponse xmlns='" + TNS + "'/>");

        assertThat(codec.decodeResponse(BatchOperation.START_BATCH_JOB, bytes(xml)).payload(IntResponse.class).value())
                .isNull();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aWrongResponseElementIsUnexpectedAndTheMessageNamesBothElements() {
        String xml = envelope11("<StopBatchJobResponse xmlns='" + TNS + "'><Response>true</Response></StopBatchJobResponse>");

        SoapDecodingException e = decodeResponseFails(BatchOperation.START_BATCH_JOB, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.UNEXPECTED_ELEMENT);
        assertThat(e.getMessage()).contains("StartBatchJobResponse").contains("StopBatchJobResponse");
    }

    @Test
    void aResponseElementMarkedNilIsAnInvalidValue() {
        String xml = envelope11("<StartBatchJobResponse xmlns='" + TNS + "' xmlns:i='http://www.w3.org/2001/XMLSchema-instance'"
                + " i:nil='true'/>");

        SoapDecodingException e = decodeResponseFails(BatchOperation.START_BATCH_JOB, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("StartBatchJobResponse").contains("nil");
    }

    @Test
    void aRequestElementMarkedNilIsAnInvalidValueNotANullPayload() {
        String xml = envelope11("<StartBatchJob xmlns='" + TNS + "' xmlns:i='http://www.w3.org/2001/XMLSchema-instance'"
                + " i:nil='true'/>");

        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> codec.decodeRequest(new ByteArrayInputStream(bytes(xml))));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
    }

    @Test
    void aNonIntegerResponseIsAnInvalidValue() {
        String xml = envelope11("<StartBatchJobResponse xmlns='" + TNS + "'><Response>forty-two</Response></StartBatchJobResponse>");

        SoapDecodingException e = decodeResponseFails(BatchOperation.START_BATCH_JOB, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
    }

    @Test
    void aNonBooleanSucceededHeaderIsAnInvalidValue() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>"
                + "<Succeeded xmlns='" + TNS + "'>maybe</Succeeded></s:Header><s:Body>"
                + "<StopBatchJobResponse xmlns='" + TNS + "'><Response>true</Response></StopBatchJobResponse></s:Body></s:Envelope>";

        assertThat(decodeResponseFails(BatchOperation.STOP_BATCH_JOB, xml).reason())
                .isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
    }

    @Test
    void anEnvelopeWithoutBodyIsNotSoap() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header/></s:Envelope>";

        SoapDecodingException e = decodeResponseFails(BatchOperation.START_BATCH_JOB, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
        assertThat(e.getMessage()).contains("no Body");
    }

    @Test
    void anEmptySoapBodyIsNotSoap() {
        assertThat(decodeResponseFails(BatchOperation.START_BATCH_JOB, envelope11("")).reason())
                .isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
    }

    @Test
    void aDocumentThatIsNotAnEnvelopeIsNotSoapAndTheMessageNamesWhatCame() {
        String xml = "<StartBatchJobResponse xmlns='" + TNS + "'><Response>1</Response></StartBatchJobResponse>";

        SoapDecodingException e = decodeResponseFails(BatchOperation.START_BATCH_JOB, xml);

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
        assertThat(e.getMessage()).contains("StartBatchJobResponse");
    }

    @Test
    void anEnvelopeInAnUnknownSoapNamespaceIsNotSoap() {
        String xml = "<s:Envelope xmlns:s='urn:not-soap'><s:Body><x/></s:Body></s:Envelope>";

        assertThat(decodeResponseFails(BatchOperation.START_BATCH_JOB, xml).reason())
                .isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
    }

    @Test
    void aRequestForAnUnknownOperationIsRefusedByName() {
        String xml = envelope11("<LaunchMissiles xmlns='" + TNS + "'/>");

        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> codec.decodeRequest(new ByteArrayInputStream(bytes(xml))));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.UNKNOWN_OPERATION);
        assertThat(e.getMessage()).contains("LaunchMissiles");
    }

    @Test
    void decodingDoesNotCloseTheCallersStream() {
        byte[] bytes = TestData.fixture("wcf-soap11-success-response.xml");
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        codec.decodeResponse(BatchOperation.START_BATCH_JOB, in);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void encodingWritesToTheCallersStreamWithoutClosingIt() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, ResponseHeaders.success(),
                IntResponse.of(1), out);

        assertThat(out.size()).isPositive();
        assertThat(closed[0]).isFalse();
    }

    private SoapDecodingException decodeResponseFails(BatchOperation op, String xml) {
        SoapDecodingException e = catchThrowableOfType(SoapDecodingException.class,
                () -> codec.decodeResponse(op, bytes(xml)));
        assertThat(e).as("decoding must fail with SoapDecodingException").isNotNull();
        return e;
    }

    static String envelope11(String body) {
        return "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
