package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final String TICKET = "7T:ticket-abcdef-SECRET";
    private static final String TOKEN = "APPTOKEN-SECRET-123";
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClient client() {
        return client(16L * 1024 * 1024);
    }

    private ReactiveBatchClient client(long maxBytes) {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket(TICKET).applicationToken(TOKEN)
                .retryPolicy(RetryPolicy.none()).maxResponseBytes(maxBytes).build();
    }

    private <E extends BatchException> E failure(Class<E> type, java.util.function.Function<ReactiveBatchClient, reactor.core.publisher.Mono<?>> call) {
        try (ReactiveBatchClient c = client()) {
            E e = catchThrowableOfType(type, () -> call.apply(c).block(GUARD));
            assertThat(e).isNotNull();
            assertNoSecrets(e);
            return e;
        }
    }

    private static void assertNoSecrets(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TICKET).doesNotContain(TOKEN).doesNotContain("SECRET");
            assertThat(t.toString()).doesNotContain(TICKET).doesNotContain(TOKEN);
        }
    }

    @Test
    void aSoapFaultIsAServiceExceptionWithTheFaultAndStatus() {
        server.then(Answer.fault(500, SoapFault.server("Object reference not set", null)));
        BatchServiceException e = failure(BatchServiceException.class, c -> c.getBatchTaskInfo(1));
        assertThat(e.fault()).get().extracting(SoapFault::reason).isEqualTo("Object reference not set");
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.serviceMessage()).isEqualTo("Object reference not set");
        assertThat(e.operation()).isEqualTo("GetBatchTaskInfo");
        assertThat(e.endpointHost()).isEqualTo("127.0.0.1");
        assertThat(e.getMessage()).contains("GetBatchTaskInfo").contains("127.0.0.1");
    }

    @Test
    void exceptionInfoOnA200IsAServiceExceptionPreferringFriendlyText() {
        SoExceptionInfo info = SoExceptionInfo.builder().message("raw").friendlyText("You may not do that")
                .exceptionType("SoAccessDenied").build();
        server.then(Answer.withHeaders(ResponseHeaders.failure(info), IntResponse.of(0)));
        BatchServiceException e = failure(BatchServiceException.class, c -> c.startBatchJob(BatchTaskInfo.named("X").build()));
        assertThat(e.exceptionInfo()).contains(info);
        assertThat(e.serviceMessage()).isEqualTo("You may not do that");
        assertThat(e.httpStatus()).isEqualTo(200);
    }

    @Test
    void nilExceptionInfoOnSuccessIsNoError() {
        server.then(Answer.withHeaders(ResponseHeaders.of(true, null, null, null), IntResponse.of(5)));
        try (ReactiveBatchClient c = client()) {
            assertThat(c.startBatchJob(BatchTaskInfo.named("X").build()).block(GUARD)).isEqualTo(5);
        }
    }

    @Test
    void succeededFalseWithoutExceptionInfoIsAServiceException() {
        server.then(Answer.withHeaders(ResponseHeaders.of(false, null, null, null), IntResponse.of(5)));
        BatchServiceException e = failure(BatchServiceException.class, c -> c.startBatchJob(BatchTaskInfo.named("X").build()));
        assertThat(e.exceptionInfo()).isEmpty();
    }

    @Test
    void anIisErrorPageIsATransportExceptionWithStatusAndExcerpt() {
        server.then(Answer.html(500, "Internal Server Error: the ticket <Ticket>" + TICKET + "</Ticket> broke"));
        BatchTransportException e = failure(BatchTransportException.class, c -> c.getBatchTaskInfo(1));
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.bodyExcerpt()).contains("Internal Server Error").doesNotContain(TICKET);
        assertThat(e.requestSent()).isTrue();
    }

    @Test
    void anHtmlPageWithStatus200IsAResponseException() {
        server.then(Answer.html(200, "Welcome"));
        BatchResponseException e = failure(BatchResponseException.class, c -> c.getBatchTaskInfo(1));
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("text/html");
    }

    @Test
    void malformedXmlIsAResponseExceptionWithTheDecoderReason() {
        server.then(Answer.raw(200, "text/xml; charset=utf-8", "<s:Envelope xmlns:s='x'><oops"));
        BatchResponseException e = failure(BatchResponseException.class, c -> c.getBatchTaskInfo(1));
        assertThat(e.reason()).isPresent();
    }

    @Test
    void aMissingValueIsAResponseException() {
        server.then(Answer.ok(new BatchTaskInfoResponse[0].getClass().isArray() ? BatchTaskInfoResponse.of(null) : null));
        BatchResponseException e = failure(BatchResponseException.class, c -> c.updateBatchTask(BatchTaskInfo.named("X").build()));
        assertThat(e.getMessage()).contains("no value");
    }

    @Test
    void anOversizedBodyIsRefusedWhileReading() {
        List<BatchTaskInfo> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(BatchTaskInfo.named("Task" + i).id(i).build());
        }
        server.then(Answer.ok(BatchTaskInfoListResponse.of(many)), Answer.gzipOk(BatchTaskInfoListResponse.of(many)));
        try (ReactiveBatchClient c = client(20_000)) {
            for (int round = 0; round < 2; round++) {
                BatchResponseException e = catchThrowableOfType(BatchResponseException.class,
                        () -> c.getAllBatchTaskInfosByName("x").collectList().block(GUARD));
                assertThat(e.reason()).contains(SoapDecodingException.Reason.TOO_LARGE);
            }
        }
    }

    @Test
    void aConnectionRefusedIsATransportExceptionThatWasNotSent() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint("http://127.0.0.1:" + port + "/")
                .ticket(TICKET).retryPolicy(RetryPolicy.none()).build()) {
            BatchTransportException e = catchThrowableOfType(BatchTransportException.class, () -> c.getBatchTaskInfo(1).block(GUARD));
            assertThat(e.requestSent()).isFalse();
            assertThat(e.httpStatus()).isEmpty();
            assertNoSecrets(e);
        }
    }

    @Test
    void anOnlineHostWithoutApplicationTokenFailsBuild() {
        assertThatThrownBy(() -> ReactiveBatchClient.builder().endpoint("https://sod.superoffice.com/Cust1").ticket("t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("application token");
        ReactiveBatchClient.builder().endpoint("https://sod.superoffice.com/Cust1").ticket("t").applicationToken("x").build().close();
    }
}
