package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapResponse;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpProtocolTest {
    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension(SimulatorConfig.builder()
            .maxRequestBytes(4096).acceptUnknownTaskNames(false).taskType("Export", TaskType.succeeding(
                    Duration.ofSeconds(1))).build());

    private static final String START_ACTION = "\"" + BatchOperation.START_BATCH_JOB.action() + "\"";

    private static BatchSimulator sim() {
        return EXT.simulator();
    }

    @BeforeEach
    void forgetTasksOfOtherTests() {
        sim().clearTasks();
    }

    private static byte[] startRequest(SoapVersion version) {
        return SoapHttp.CODEC.encodeRequest(version, BatchOperation.START_BATCH_JOB,
                RequestHeaders.of(null, sim().ticket()), StartBatchJob.of(BatchTaskInfo.named("Export").build()));
    }

    @Test
    void soap11AnswersInSoap11WithServiceHeaders() {
        HttpResponse<byte[]> r = new SoapHttp(sim()).post(BatchOperation.START_BATCH_JOB,
                StartBatchJob.of(BatchTaskInfo.named("Export").build()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
        SoapResponse decoded = SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body());
        assertThat(decoded.version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(decoded.headers().succeeded()).isTrue();
        assertThat(decoded.headers().exceptionInfo()).isNull();
        assertThat(SoapHttp.text(r)).contains("<ExtraInfo", "<TimeZone", "<Succeeded");
        RecordedRequest rec = sim().requests().get(0);
        assertThat(rec.operation()).isEqualTo("StartBatchJob");
        assertThat(rec.soapVersion()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(rec.httpHeader("SOAPAction")).isEqualTo(START_ACTION);
        assertThat(rec.payload(StartBatchJob.class).batchTaskInfo().name()).isEqualTo("Export");
        assertThat(rec.ticketMatches(sim().ticket())).isTrue();
        assertThat(rec.toString()).doesNotContain(sim().ticket());
    }

    @Test
    void soap12AnswersInSoap12() {
        SoapResponse r = new SoapHttp(sim()).version(SoapVersion.SOAP_12).call(BatchOperation.START_BATCH_JOB,
                StartBatchJob.of(BatchTaskInfo.named("Export").build()));
        assertThat(r.version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(r.payload(IntResponse.class).value()).isPositive();
        assertThat(sim().requests().get(0).soapVersion()).isEqualTo(SoapVersion.SOAP_12);
    }

    @Test
    void otherPathsAnswer404() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().baseUrl().resolve("Remote/Services88/Nope.svc"),
                "text/xml", null, startRequest(SoapVersion.SOAP_11));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(sim().requests()).singleElement().satisfies(rec -> assertThat(rec.error()).isEqualTo("HTTP 404"));
    }

    @Test
    void tenantPrefixedPathsReachTheService() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().baseUrl().resolve("Cust12345/Remote/Services88/Batch.svc"),
                "text/xml; charset=utf-8", START_ACTION, startRequest(SoapVersion.SOAP_11));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void getAnswers405() {
        HttpResponse<byte[]> r = SoapHttp.send(HttpRequest.newBuilder(sim().batchServiceUrl()).GET().build());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void nonSoapContentTypeAnswers415() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "application/json", null,
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @Test
    void bodyBeyondTheLimitAnswers413() {
        byte[] big = startRequest(SoapVersion.SOAP_11);
        String padded = new String(big, StandardCharsets.UTF_8).replace("<s:Body>", "<s:Body><!--" + "x".repeat(5000)
                + "-->");
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "text/xml", START_ACTION,
                padded.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(sim().requestCount("StartBatchJob")).isZero();
    }

    @Test
    void chunkedBodyBeyondTheLimitAnswers413() {
        byte[] body = ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + " ".repeat(8000) + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(sim().batchServiceUrl()).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertThat(SoapHttp.send(request).statusCode()).isEqualTo(413);
    }

    @Test
    void malformedXmlAnswersAClientSoapFault() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "text/xml", START_ACTION,
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><oops>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(500);
        SoapFault fault = SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body()).fault().orElseThrow();
        assertThat(fault.code()).isEqualTo(SoapFault.Code.CLIENT);
        assertThat(sim().requests()).singleElement().satisfies(rec -> {
            assertThat(rec.operation()).isNull();
            assertThat(rec.error()).isEqualTo("SOAP Fault");
        });
    }

    @Test
    void soap12ClientFaultAnswers400() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "application/soap+xml", null,
                "not xml at all".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body()).fault().orElseThrow().code())
                .isEqualTo(SoapFault.Code.CLIENT);
    }

    @Test
    void doctypeIsRefusedAsXxeProtection() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + new String(startRequest(SoapVersion.SOAP_11), StandardCharsets.UTF_8).replace("Export", "&e;");
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "text/xml", START_ACTION,
                xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(SoapHttp.text(r)).contains("DTD is prohibited").doesNotContain("root:");
        assertThat(sim().tasks()).isEmpty();
    }

    @Test
    void soapActionThatContradictsTheBodyIsAContractFilterFault() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "text/xml",
                "\"" + BatchOperation.DELETE_BATCH_TASK.action() + "\"", startRequest(SoapVersion.SOAP_11));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(SoapHttp.text(r)).contains("ContractFilter");
        assertThat(sim().tasks()).isEmpty();
    }

    @Test
    void operationElementMarkedNilIsAClientFaultNotAnInternalError() {
        String nil = new String(startRequest(SoapVersion.SOAP_11), StandardCharsets.UTF_8)
                .replaceFirst("<StartBatchJob ", "<StartBatchJob xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " i:nil=\"true\" ");
        assertThat(nil).contains("i:nil=\"true\"");
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().batchServiceUrl(), "text/xml", START_ACTION,
                nil.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(500);
        SoapResponse answer = SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body());
        assertThat(answer.fault()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(SoapFault.Code.CLIENT);
            assertThat(f.reason()).contains("StartBatchJob is nil");
        });
        assertThat(sim().tasks()).isEmpty();
    }

    @Test
    void batchOperationPostedToSoPrincipalIsAContractFilterFault() {
        HttpResponse<byte[]> r = SoapHttp.postRaw(sim().soPrincipalUrl(), "text/xml", START_ACTION,
                startRequest(SoapVersion.SOAP_11));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(SoapHttp.text(r)).contains("ContractFilter");
    }

    @Test
    void unknownTaskNamesAreRefusedWhenConfiguredSo() {
        SoapResponse r = new SoapHttp(sim()).call(BatchOperation.START_BATCH_JOB,
                StartBatchJob.of(BatchTaskInfo.named("Mystery").build()));
        assertThat(r.headers().succeeded()).isFalse();
        assertThat(r.headers().exceptionInfo().message()).contains("Unknown batch task type 'Mystery'");
        assertThat(r.payload(IntResponse.class).value()).isZero();
    }

    @Test
    void recordedHttpHeadersMaskCredentials() {
        HttpRequest request = HttpRequest.newBuilder(sim().batchServiceUrl())
                .header("Content-Type", "text/xml").header("Authorization", "Bearer sekrit")
                .header("Cookie", "session=sekrit").header("SOAPAction", "\"" + BatchOperation
                        .GET_BATCH_TASK_INFOS_BY_STATE.action() + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SoapHttp.CODEC.encodeRequest(SoapVersion.SOAP_11,
                        BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, RequestHeaders.of(null, sim().ticket()),
                        GetBatchTaskInfosByState.of(BatchTaskState.ALL)))).build();
        assertThat(SoapHttp.send(request).statusCode()).isEqualTo(200);
        RecordedRequest rec = sim().requests().get(0);
        assertThat(rec.httpHeader("Authorization")).isEqualTo("***");
        assertThat(rec.httpHeader("cookie")).isEqualTo("***");
        assertThat(rec.httpHeaders().toString()).doesNotContain("sekrit");
        assertThat(sim().requestCount("GetBatchTaskInfosByState")).isEqualTo(1);
    }

    @Test
    void simulatorRestartsOnTheSamePort() {
        int port;
        try (BatchSimulator first = BatchSimulator.start()) {
            port = first.port();
        }
        try (BatchSimulator second = BatchSimulator.start(SimulatorConfig.builder().port(port).build())) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(second.batchServiceUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port
                    + "/Remote/Services88/Batch.svc"));
            assertThat(new SoapHttp(second).call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                    GetBatchTaskInfosByState.of(BatchTaskState.ALL)).headers().succeeded()).isTrue();
        }
    }

    @Test
    void capacityEvictsFinishedTasksFirst() {
        SimulatorConfig config = SimulatorConfig.builder().manualClock().capacity(3)
                .taskType("Quick", TaskType.succeeding(Duration.ZERO).withQueueTime(Duration.ZERO))
                .taskType("Slow", TaskType.longRunning()).build();
        try (BatchSimulator small = BatchSimulator.start(config)) {
            SoapHttp http = new SoapHttp(small);
            int slow1 = start(http, "Slow");
            int quick = start(http, "Quick");
            int slow2 = start(http, "Slow");
            int slow3 = start(http, "Slow");
            assertThat(small.tasks()).extracting(BatchTaskInfo::id).containsExactly(slow1, slow2, slow3)
                    .doesNotContain(quick);
            int slow4 = start(http, "Slow");
            assertThat(small.tasks()).extracting(BatchTaskInfo::id).containsExactly(slow2, slow3, slow4);
        }
    }

    private static int start(SoapHttp http, String name) {
        return http.ok(BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named(name).build()),
                IntResponse.class).value();
    }
}
