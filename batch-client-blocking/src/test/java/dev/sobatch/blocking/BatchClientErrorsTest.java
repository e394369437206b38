package dev.sobatch.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.blocking.SoapTestServer.Reply;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapFault;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchClientErrorsTest {
    /** Only detects a hang; the deadline under test is far shorter. */
    private static final Duration HANG = Duration.ofSeconds(15);

    private static BatchClientBuilder builderFor(SoapTestServer server) {
        return BatchClient.builder().endpoint(server.batchServiceUrl()).ticket(SoapTestServer.TICKET);
    }

    @Test
    void aSoapFaultSurfacesAsAnUnwrappedBatchServiceException() {
        try (SoapTestServer server = SoapTestServer.answering(
                () -> Reply.fault(SoapFault.server("Task name ExportTask is not registered", null)));
                BatchClient client = builderFor(server).build()) {
            Throwable thrown = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()));

            assertThat(thrown).isExactlyInstanceOf(BatchServiceException.class);
            BatchServiceException e = (BatchServiceException) thrown;
            assertThat(e.operation()).isEqualTo("StartBatchJob");
            assertThat(e.serviceMessage()).isEqualTo("Task name ExportTask is not registered");
            assertThat(e.fault()).isPresent();
            assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(1);
        }
    }

    @Test
    void anExceptionInfoHeaderSurfacesAsBatchServiceExceptionWithTheFriendlyText() {
        SoExceptionInfo info = SoExceptionInfo.builder().message("SoException: no access")
                .friendlyText("You may not start batch tasks").exceptionType("SoSecurityException").build();
        try (SoapTestServer server = SoapTestServer.answering(
                () -> Reply.withHeaders(ResponseHeaders.failure(info), IntResponse.of(0)));
                BatchClient client = builderFor(server).build()) {
            Throwable thrown = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()));

            assertThat(thrown).isExactlyInstanceOf(BatchServiceException.class);
            BatchServiceException e = (BatchServiceException) thrown;
            assertThat(e.serviceMessage()).isEqualTo("You may not start batch tasks");
            assertThat(e.exceptionInfo()).get().extracting(SoExceptionInfo::exceptionType)
                    .isEqualTo("SoSecurityException");
        }
    }

    @Test
    void theFailureCarriesTheCallersStackAsASuppressedException() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.fault(SoapFault.client("bad", null)));
                BatchClient client = builderFor(server).build()) {
            Throwable thrown = catchThrowable(() -> client.getBatchTaskInfo(3));

            assertThat(thrown).isExactlyInstanceOf(BatchServiceException.class);
            assertThat(thrown.getSuppressed()).anySatisfy(s -> {
                assertThat(s.getMessage()).contains(Thread.currentThread().getName());
                assertThat(Arrays.stream(s.getStackTrace()).map(StackTraceElement::getMethodName))
                        .contains("theFailureCarriesTheCallersStackAsASuppressedException", "getBatchTaskInfo");
            });
        }
    }

    @Test
    void aRefusedConnectionSurfacesAsBatchTransportExceptionWithNothingSent() {
        int closedPort;
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(1)))) {
            closedPort = server.port();
        }
        try (BatchClient client = BatchClient.builder()
                .endpoint("http://127.0.0.1:" + closedPort + "/Remote/Services88/Batch.svc")
                .ticket(SoapTestServer.TICKET).retryPolicy(RetryPolicy.none()).build()) {
            Throwable thrown = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()));

            assertThat(thrown).isExactlyInstanceOf(BatchTransportException.class);
            BatchTransportException e = (BatchTransportException) thrown;
            assertThat(e.requestSent()).isFalse();
            assertThat(e.httpStatus()).isEmpty();
            assertThat(e.endpointHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anHtmlErrorPageSurfacesAsBatchTransportExceptionWithItsStatus() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.raw(502, "text/html",
                "<html><body>Bad Gateway</body></html>"));
                BatchClient client = builderFor(server).retryPolicy(RetryPolicy.none()).build()) {
            Throwable thrown = catchThrowable(() -> client.getBatchTaskInfo(3));

            assertThat(thrown).isExactlyInstanceOf(BatchTransportException.class);
            assertThat(((BatchTransportException) thrown).httpStatus()).hasValue(502);
            assertThat(server.receivedCount(BatchOperation.GET_BATCH_TASK_INFO)).isEqualTo(1);
        }
    }

    @Test
    void aServerSlowerThanTheDeadlineEndsInBatchTimeoutExceptionWithoutAResend() {
        try (SoapTestServer server = SoapTestServer.answering(
                () -> Reply.delayed(Duration.ofSeconds(60), Reply.ok(IntResponse.of(1))));
                BatchClient client = builderFor(server).deadline(Duration.ofMillis(500)).build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isExactlyInstanceOf(BatchTimeoutException.class);
            assertThat(((BatchTimeoutException) thrown).operation()).isEqualTo("StartBatchJob");
            assertThat(took).isLessThan(HANG);
            assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(1);
        }
    }

    @Test
    void aSlowAnswerWithinTheDeadlineIsWaitedFor() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.delayed(Duration.ofMillis(1200),
                Reply.ok(BatchTaskInfoResponse.of(BatchTaskInfo.named("ExportTask").id(8).build()))));
                BatchClient client = builderFor(server).deadline(Duration.ofSeconds(10)).build()) {
            assertThat(client.getBatchTaskInfo(8)).get().extracting(BatchTaskInfo::id).isEqualTo(8);
        }
    }
}
