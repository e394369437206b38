package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.message.GetBatchTaskInfo;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SoapVersion, SoapFault, request and response headers as values. */
class SoapValuesTest {

    @ParameterizedTest
    @CsvSource({"1.1,SOAP_11", "1.2,SOAP_12", "11,SOAP_11", "12,SOAP_12", "SOAP_11,SOAP_11", "soap12,SOAP_12",
            "' 1.2 ',SOAP_12", "soap_1.1,SOAP_11"})
    void soapVersionsParseFromTheCommonSpellings(String text, SoapVersion expected) {
        assertThat(SoapVersion.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0", "2", "soap", "1.3"})
    void otherSoapVersionsAreRefusedNamingTheInput(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SoapVersion.parse(text))
                .withMessageContaining("'" + text + "'");
    }

    @Test
    void aNullSoapVersionIsRefusedWithAClearMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> SoapVersion.parse(null)).withMessageContaining("1.1");
    }

    @Test
    void theVersionIsFoundFromAContentTypeIgnoringParametersAndCase() {
        assertThat(SoapVersion.forContentType("text/xml; charset=utf-8")).contains(SoapVersion.SOAP_11);
        assertThat(SoapVersion.forContentType("TEXT/XML")).contains(SoapVersion.SOAP_11);
        assertThat(SoapVersion.forContentType("application/soap+xml;charset=utf-8;action=\"x\""))
                .contains(SoapVersion.SOAP_12);
        assertThat(SoapVersion.forContentType(" Application/SOAP+XML ")).contains(SoapVersion.SOAP_12);
        assertThat(SoapVersion.forContentType("text/html; charset=utf-8")).isEmpty();
        assertThat(SoapVersion.forContentType("application/json")).isEmpty();
        assertThat(SoapVersion.forContentType("")).isEmpty();
        assertThat(SoapVersion.forContentType(null)).isEmpty();
    }

    @Test
    void theVersionIsFoundFromTheEnvelopeNamespace() {
        assertThat(SoapVersion.forEnvelopeNamespace(WireFormatTest.SOAP11_ENV)).contains(SoapVersion.SOAP_11);
        assertThat(SoapVersion.forEnvelopeNamespace(WireFormatTest.SOAP12_ENV)).contains(SoapVersion.SOAP_12);
        assertThat(SoapVersion.forEnvelopeNamespace("urn:x")).isEmpty();
        assertThat(SoapVersion.SOAP_11.label()).isEqualTo("1.1");
        assertThat(SoapVersion.SOAP_12.mediaType()).isEqualTo("application/soap+xml");
    }

    @ParameterizedTest
    @CsvSource({"s:Client,CLIENT", "soap:Sender,CLIENT", "Server,SERVER", "s:Receiver,SERVER",
            "s:Client.Authentication,CLIENT", "env:VersionMismatch,VERSION_MISMATCH", "s:MustUnderstand,MUST_UNDERSTAND",
            "a:InternalServiceFault,OTHER"})
    void faultCodesReadAsVersionNeutralCodes(String codeText, SoapFault.Code expected) {
        SoapFault fault = SoapFault.of(codeText, "reason", null);

        assertThat(fault.code()).isEqualTo(expected);
        assertThat(fault.codeText()).isEqualTo(codeText);
    }

    @Test
    void faultCodesAreNamedPerVersion() {
        assertThat(SoapFault.client("r", null).codeName(SoapVersion.SOAP_11)).isEqualTo("Client");
        assertThat(SoapFault.client("r", null).codeName(SoapVersion.SOAP_12)).isEqualTo("Sender");
        assertThat(SoapFault.server("r", null).codeName(SoapVersion.SOAP_11)).isEqualTo("Server");
        assertThat(SoapFault.server("r", null).codeName(SoapVersion.SOAP_12)).isEqualTo("Receiver");
        assertThat(SoapFault.of(null, null, null).code()).isEqualTo(SoapFault.Code.OTHER);
        assertThat(SoapFault.of(null, null, null).reason()).isEmpty();
    }

    @Test
    void requestHeadersNeverShowTheTokenOrTicket() {
        RequestHeaders headers = TestData.headersWithTimeZone();

        assertThat(headers.toString()).doesNotContain(TestData.APP_TOKEN).doesNotContain(TestData.TICKET)
                .contains("***").contains("NOOSL");
        assertThat(RequestHeaders.none().toString()).contains("none");
        assertThat(headers).isEqualTo(RequestHeaders.of(TestData.APP_TOKEN, TestData.TICKET)
                .withTimeZone(SoTimeZone.of(7, "NOOSL"))).hasSameHashCodeAs(TestData.headersWithTimeZone());
        assertThat(headers).isNotEqualTo(TestData.HEADERS);
    }

    @Test
    void aDecodedRequestNeverShowsTheSecretsInItsToString() {
        byte[] wire = SoapCodec.defaults().encodeRequest(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFO,
                TestData.HEADERS, GetBatchTaskInfo.of(1));

        SoapRequest request = SoapCodec.defaults().decodeRequest(new ByteArrayInputStream(wire));

        assertThat(request.toString()).contains("GetBatchTaskInfo").doesNotContain(TestData.APP_TOKEN)
                .doesNotContain(TestData.TICKET);
    }

    @Test
    void responseHeadersReportFailureOnSucceededFalseOrAnyExceptionInfo() {
        SoExceptionInfo info = SoExceptionInfo.builder().message("boom").build();

        assertThat(ResponseHeaders.success().reportsFailure()).isFalse();
        assertThat(ResponseHeaders.absent().reportsFailure()).isFalse();
        assertThat(ResponseHeaders.failure(info).reportsFailure()).isTrue();
        assertThat(ResponseHeaders.of(Boolean.FALSE, null, null, null).reportsFailure()).isTrue();
        assertThat(ResponseHeaders.of(Boolean.TRUE, info, null, null).reportsFailure()).isTrue();
        assertThat(ResponseHeaders.failure(info).succeeded()).isFalse();
    }
}
