package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.testing.BlockHoundExtension;
import dev.sobatch.reactive.testing.Recorded;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapVersion;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExchangeFormatTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClient client(SoapVersion version) {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("7T:secret-ticket")
                .applicationToken("app-token-secret").soapVersion(version).build();
    }

    @Test
    void blockHoundIsActiveInTheseTests() {
        assertThat(BlockHoundExtension.detectsBlocking()).isTrue();
    }

    @Test
    void startBatchJobInSoap11SendsTextXmlAndAQuotedSoapAction() {
        server.then(Answer.ok(IntResponse.of(42)));
        try (ReactiveBatchClient client = client(SoapVersion.SOAP_11)) {
            Integer id = client.startBatchJob(BatchTaskInfo.named("Export").parameter("k", "v").build())
                    .block(HANG_GUARD);
            assertThat(id).isEqualTo(42);
        }
        Recorded r = server.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/Remote/Services88/Batch.svc");
        assertThat(r.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
        assertThat(r.header("SOAPAction"))
                .isEqualTo("\"http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/StartBatchJob\"");
        assertThat(r.header("Accept-Encoding")).contains("gzip");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(r.soap().version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(r.soap().operation()).isEqualTo(BatchOperation.START_BATCH_JOB);
        assertThat(r.soap().headers().ticket()).isEqualTo("7T:secret-ticket");
        assertThat(r.soap().headers().applicationToken()).isEqualTo("app-token-secret");
        StartBatchJob sent = r.payload(StartBatchJob.class);
        assertThat(sent.batchTaskInfo().name()).isEqualTo("Export");
        assertThat(sent.batchTaskInfo().parameters().get("k")).isEqualTo("v");
        assertThat(r.body()).startsWith("<s:Envelope").contains("http://schemas.xmlsoap.org/soap/envelope/");
    }

    @Test
    void startBatchJobInSoap12PutsTheActionIntoTheContentType() {
        server.then(Answer.ok(IntResponse.of(7)));
        try (ReactiveBatchClient client = client(SoapVersion.SOAP_12)) {
            assertThat(client.startBatchJob(BatchTaskInfo.named("Export").build()).block(HANG_GUARD)).isEqualTo(7);
        }
        Recorded r = server.last();
        assertThat(r.header("Content-Type")).isEqualTo("application/soap+xml; charset=utf-8; "
                + "action=\"http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/StartBatchJob\"");
        assertThat(r.header("SOAPAction")).isNull();
        assertThat(r.soap().version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(r.body()).contains("http://www.w3.org/2003/05/soap-envelope");
    }

    @Test
    void nothingIsSentBeforeSubscriptionAndEachSubscriptionIsOneCall() {
        server.otherwise(Answer.ok(IntResponse.of(1)));
        try (ReactiveBatchClient client = client(SoapVersion.SOAP_11)) {
            var call = client.startBatchJob(BatchTaskInfo.named("Export").build());
            assertThat(server.requestCount()).isZero();
            call.block(HANG_GUARD);
            call.block(HANG_GUARD);
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aSiteBaseUrlGetsTheBatchServicePathAppended() {
        try (ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(server.baseUrl().resolve("Cust1"))
                .ticket("t").build()) {
            assertThat(client.endpoint().toString()).isEqualTo(server.baseUrl() + "Cust1/Remote/Services88/Batch.svc");
        }
        try (ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").build()) {
            assertThat(client.endpoint()).isEqualTo(server.batchUrl());
        }
    }
}
