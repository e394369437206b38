package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.StartBatchJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input an attacker, a broken proxy or a network failure produces: each is refused with a typed
 * {@link SoapDecodingException} and the right reason, promptly (the timeout only detects hangs).
 */
class HostileInputTest {
    private static final Duration HANG = Duration.ofSeconds(5);
    private static final String TNS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
    private static final String MARKER = "XXE-MARKER-d41d8cd98f00b204";

    private final SoapCodec codec = SoapCodec.defaults();

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ entities and DTDs

    @Test
    void anExternalFileEntityInAResponseIsRefusedAndTheFileNeverLeaks() throws Exception {
        String uri = secretFile().toUri().toString();
        String xml = "<?xml version='1.0'?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM '" + uri + "'>]>"
                + DecodingTest.envelope11("<StartBatchJobResponse xmlns='" + TNS + "'><Response>&xxe;</Response>"
                        + "</StartBatchJobResponse>");

        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
        assertThat(everythingSaidAbout(e)).doesNotContain(MARKER);
    }

    @Test
    void anExternalFileEntityInARequestIsRefusedAndTheFileNeverLeaks() throws Exception {
        String uri = secretFile().toUri().toString();
        String xml = "<!DOCTYPE x [<!ENTITY xxe SYSTEM '" + uri + "'>]>" + DecodingTest.envelope11(
                "<StartBatchJob xmlns='" + TNS + "'><BatchTaskInfo><Name>&xxe;</Name></BatchTaskInfo></StartBatchJob>");

        SoapDecodingException e = requestFails(bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
        assertThat(everythingSaidAbout(e)).doesNotContain(MARKER);
    }

    @Test
    void anExternalParameterEntityIsRefusedAndTheFileNeverLeaks() throws Exception {
        Path dtd = tmp.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak '" + MARKER + "'>");
        String xml = "<!DOCTYPE x [<!ENTITY % p SYSTEM '" + dtd.toUri() + "'> %p;]>"
                + DecodingTest.envelope11("<StartBatchJobResponse xmlns='" + TNS + "'><Response>&leak;</Response>"
                        + "</StartBatchJobResponse>");

        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
        assertThat(everythingSaidAbout(e)).doesNotContain(MARKER);
    }

    @Test
    void anExternalDtdReferenceIsRefusedWithoutFetchingIt() throws Exception {
        String xml = "<!DOCTYPE s:Envelope SYSTEM '" + secretFile().toUri() + "'>"
                + DecodingTest.envelope11("<StartBatchJobResponse xmlns='" + TNS + "'/>");

        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
        assertThat(everythingSaidAbout(e)).doesNotContain(MARKER);
    }

    @Test
    void theBillionLaughsAttackIsRefusedBeforeAnyExpansion() {
        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, TestData.fixture("billion-laughs.xml"));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
        assertThat(e.getMessage()).doesNotContain("lollol");
    }

    @Test
    void anUndeclaredEntityReferenceIsRefused() {
        String xml = DecodingTest.envelope11("<StartBatchJobResponse xmlns='" + TNS + "'><Response>&nope;</Response>"
                + "</StartBatchJobResponse>");

        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, bytes(xml));

        assertThat(e.reason()).isIn(SoapDecodingException.Reason.MALFORMED, SoapDecodingException.Reason.FORBIDDEN_DTD);
    }

    // ------------------------------------------------------------------ not SOAP, not XML

    @Test
    void anHtmlErrorPageWithDoctypeIsNotSoapRatherThanAnAttack() {
        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, TestData.fixture("html-error-page.html"));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
        assertThat(e.getMessage()).containsIgnoringCase("HTML");
    }

    @Test
    void anHtmlErrorPageWithoutDoctypeIsNotSoap() {
        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB,
                TestData.fixture("html-error-page-no-doctype.html"));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.NOT_SOAP);
        assertThat(e.getMessage()).contains("html");
    }

    @Test
    void anHtmlDoctypeThatDeclaresEntitiesIsStillTreatedAsADtdAttack() {
        String xml = "<!DOCTYPE html [<!ENTITY x 'y'>]><html><body>&x;</body></html>";

        assertThat(responseFails(BatchOperation.START_BATCH_JOB, bytes(xml)).reason())
                .isEqualTo(SoapDecodingException.Reason.FORBIDDEN_DTD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\r\n\t", "{\"error\":\"Bad Gateway\"}", "Bad Gateway", "HTTP/1.1 502 Bad Gateway",
            "<", "<<>>", "<?xml version='1.0'?>"})
    void emptyOrNonXmlTextIsMalformed(String text) {
        assertThat(responseFails(BatchOperation.START_BATCH_JOB, bytes(text)).reason())
                .isEqualTo(SoapDecodingException.Reason.MALFORMED);
    }

    @Test
    void binaryGarbageIsMalformed() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0x1f; // gzip magic: a response whose Content-Encoding was ignored
        garbage[1] = (byte) 0x8b;

        assertThat(responseFails(BatchOperation.START_BATCH_JOB, garbage).reason())
                .isEqualTo(SoapDecodingException.Reason.MALFORMED);
    }

    @Test
    void everyTruncationOfAValidResponseIsMalformed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                ResponseHeaders.success(), BatchTaskInfoListResponse.of(List.of(TestData.fullTask())), out);
        byte[] full = out.toByteArray();
        // the whole document decodes; here we only check that the cut is what breaks it
        codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, full);

        List<String> wrong = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int length = 0; length < full.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(full, length);
                try {
                    codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, cut);
                    wrong.add(length + ": decoded");
                } catch (SoapDecodingException e) {
                    if (e.reason() != SoapDecodingException.Reason.MALFORMED) {
                        wrong.add(length + ": " + e.reason());
                    }
                }
            }
        });
        assertThat(wrong).as("truncations not reported as MALFORMED").isEmpty();
    }

    // ------------------------------------------------------------------ size and depth

    @Test
    void tenThousandNestedInnerExceptionsAreTooDeepWithoutStackOverflow() {
        StringBuilder sb = new StringBuilder("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>"
                + "<ExceptionInfo xmlns='" + TNS + "'>");
        sb.append("<InnerException>".repeat(10_000)).append("</InnerException>".repeat(10_000));
        sb.append("</ExceptionInfo></s:Header><s:Body><StartBatchJobResponse xmlns='" + TNS + "'/></s:Body></s:Envelope>");

        SoapDecodingException e = responseFails(BatchOperation.START_BATCH_JOB, bytes(sb.toString()));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_DEEP);
    }

    @Test
    void deeplyNestedUnknownElementsInTheBodyAreTooDeep() {
        String xml = DecodingTest.envelope11("<StartBatchJobResponse xmlns='" + TNS + "'>" + "<x>".repeat(10_000)
                + "</x>".repeat(10_000) + "</StartBatchJobResponse>");

        assertThat(responseFails(BatchOperation.START_BATCH_JOB, bytes(xml)).reason())
                .isEqualTo(SoapDecodingException.Reason.TOO_DEEP);
    }

    @Test
    void deeplyNestedUnknownHeadersInARequestAreTooDeep() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>" + "<h>".repeat(5_000)
                + "</h>".repeat(5_000) + "</s:Header><s:Body><StopBatchJob xmlns='" + TNS + "'/></s:Body></s:Envelope>";

        assertThat(requestFails(bytes(xml)).reason()).isEqualTo(SoapDecodingException.Reason.TOO_DEEP);
    }

    @Test
    void aRealisticNestingDepthIsAccepted() {
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            inner.append("<InnerException><Message>level ").append(i).append("</Message>");
        }
        inner.append("</InnerException>".repeat(10));
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header><ExceptionInfo xmlns='"
                + TNS + "'><Message>top</Message>" + inner + "</ExceptionInfo></s:Header><s:Body>"
                + "<StartBatchJobResponse xmlns='" + TNS + "'/></s:Body></s:Envelope>";

        SoapResponse response = codec.decodeResponse(BatchOperation.START_BATCH_JOB, bytes(xml));

        var info = response.headers().exceptionInfo();
        int depth = 0;
        while (info.innerException() != null) {
            info = info.innerException();
            depth++;
        }
        assertThat(depth).isEqualTo(10);
        assertThat(info.message()).isEqualTo("level 9");
    }

    @Test
    void aValidEnvelopeOverTheSizeLimitIsTooLarge() {
        SoapCodec small = SoapCodec.withMaxInputBytes(1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                ResponseHeaders.success(), TestData.response(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE), out);
        byte[] big = out.toByteArray();
        assertThat(big.length).isGreaterThan(1024);
        assertThat(codec.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, big).isFault()).isFalse();

        SoapDecodingException e = assertTimeoutPreemptively(HANG, () -> org.assertj.core.api.Assertions
                .catchThrowableOfType(SoapDecodingException.class,
                        () -> small.decodeResponse(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, big)));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("1024");
    }

    @Test
    void anEnvelopeOfExactlyTheLimitIsAcceptedAndOneByteLessIsNot() {
        byte[] wire = codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, TestData.HEADERS,
                StartBatchJob.of(BatchTaskInfo.named("ExportContacts").build()));

        assertThat(SoapCodec.withMaxInputBytes(wire.length).decodeRequest(new ByteArrayInputStream(wire)).operation())
                .isEqualTo(BatchOperation.START_BATCH_JOB);
        assertThat(catchDecoding(() -> SoapCodec.withMaxInputBytes(wire.length - 1)
                .decodeRequest(new ByteArrayInputStream(wire))).reason())
                .isEqualTo(SoapDecodingException.Reason.TOO_LARGE);
    }

    @Test
    void anEndlessStreamStopsAtTheLimitInsteadOfExhaustingMemory() {
        byte[] head = bytes("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
                + "<StartBatchJobResponse xmlns='" + TNS + "'><Response>");
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < head.length ? head[(int) position++] : '1';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };

        SoapDecodingException e = catchDecoding(() -> SoapCodec.withMaxInputBytes(1024 * 1024)
                .decodeResponse(BatchOperation.START_BATCH_JOB, endless));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_LARGE);
    }

    @Test
    void aNonPositiveLimitIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SoapCodec.withMaxInputBytes(0));
        assertThat(SoapCodec.withMaxInputBytes(SoapCodec.DEFAULT_MAX_INPUT_BYTES)).isSameAs(SoapCodec.defaults());
    }

    @Test
    void aFailedDecodeLeavesNothingBehindThatSpoilsTheNextOne() {
        byte[] valid = TestData.fixture("wcf-soap11-success-response.xml");
        List<byte[]> hostile = List.of(TestData.fixture("billion-laughs.xml"),
                java.util.Arrays.copyOf(valid, valid.length / 2),
                bytes(DecodingTest.envelope11("<x>".repeat(200) + "</x>".repeat(200))),
                bytes("<" + "VeryLongUnknownName".repeat(500) + "/>"),
                TestData.fixture("html-error-page.html"));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 200; round++) {
                byte[] bad = hostile.get(round % hostile.size());
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> codec.decodeResponse(BatchOperation.START_BATCH_JOB, bad))
                        .isInstanceOf(SoapDecodingException.class);
                SoapResponse ok = codec.decodeResponse(BatchOperation.START_BATCH_JOB, valid);
                assertThat(ok.payload(dev.sobatch.model.message.IntResponse.class).value()).isEqualTo(4711);
                assertThat(ok.headers().timeZone()).isEqualTo(dev.sobatch.model.SoTimeZone.of(1, "UTC"));
            }
        });
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void errorMessagesNeverRepeatTheTicketOrTokenFromTheInput() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>"
                + "<ApplicationToken xmlns='" + TNS + "'>" + TestData.APP_TOKEN + "</ApplicationToken>"
                + "<Credentials xmlns='" + TNS + "'><Ticket>" + TestData.TICKET + "</Ticket></Credentials></s:Header>"
                + "<s:Body><StopBatchJob xmlns='" + TNS + "'><Id>not-a-number</Id></StopBatchJob></s:Body></s:Envelope>";

        SoapDecodingException e = requestFails(bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.INVALID_VALUE);
        assertThat(everythingSaidAbout(e)).doesNotContain(TestData.TICKET).doesNotContain(TestData.APP_TOKEN);
    }

    @Test
    void aTokenFusedIntoAnElementNameByBrokenMarkupIsNotQuotedInTheError() {
        String xml = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header>"
                + "<ApplicationToken " + TestData.APP_TOKEN + "</ApplicationToken>"
                + "<Credentials xmlns='" + TNS + "'><Ticket " + TestData.TICKET.replaceAll("[^A-Za-z0-9]", "")
                + "</Ticket></Credentials></s:Header><s:Body><StopBatchJob xmlns='" + TNS + "'/></s:Body></s:Envelope>";

        SoapDecodingException e = requestFails(bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.MALFORMED);
        assertThat(e.getMessage()).matches("not well-formed XML at line \\d+, column \\d+");
        assertThat(everythingSaidAbout(e)).doesNotContain(TestData.APP_TOKEN)
                .doesNotContain(TestData.TICKET.replaceAll("[^A-Za-z0-9]", ""));
    }

    @Test
    void aTicketInAnUnboundPrefixIsNotQuotedInTheError() {
        String ticketName = "T" + TestData.TICKET.replaceAll("[^A-Za-z0-9]", "");
        String xml = DecodingTest.envelope11("<" + ticketName + ":StopBatchJob/>");

        SoapDecodingException e = requestFails(bytes(xml));

        assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.MALFORMED);
        assertThat(everythingSaidAbout(e)).doesNotContain(ticketName);
    }

    // ------------------------------------------------------------------ helpers

    private Path secretFile() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, MARKER);
        return secret;
    }

    private SoapDecodingException responseFails(BatchOperation op, byte[] input) {
        return catchDecoding(() -> codec.decodeResponse(op, input));
    }

    private SoapDecodingException requestFails(byte[] input) {
        return catchDecoding(() -> codec.decodeRequest(new ByteArrayInputStream(input)));
    }

    /** Runs a decode that must fail, with a hang detector; any other throwable fails the test. */
    private static SoapDecodingException catchDecoding(Supplier<?> decode) {
        Object result = assertTimeoutPreemptively(HANG, () -> {
            try {
                return decode.get();
            } catch (SoapDecodingException e) {
                return e;
            }
        });
        assertThat(result).as("decoding must fail with SoapDecodingException").isInstanceOf(SoapDecodingException.class);
        return (SoapDecodingException) result;
    }

    /** Message, causes and stack trace text: everything a log line could show. */
    private static String everythingSaidAbout(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        StringBuilder sb = new StringBuilder(w.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append('\n').append(t);
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
