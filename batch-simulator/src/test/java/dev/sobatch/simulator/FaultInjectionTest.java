package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapResponse;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault kind as seen on the wire by a plain HTTP client. */
class FaultInjectionTest {
    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension();

    private static final StartBatchJob START = StartBatchJob.of(BatchTaskInfo.named("Export").build());
    private static final Object QUERY = GetBatchTaskInfosByState.of(BatchTaskState.ALL);

    private BatchSimulator sim;
    private SoapHttp http;

    @BeforeEach
    void setUp() {
        sim = EXT.simulator();
        sim.clearTasks();
        http = new SoapHttp(sim);
    }

    @Test
    void httpStatus503CarriesRetryAfterAndDoesNotRunTheOperation() {
        InjectedFault fault = sim.faults().on("StartBatchJob").once().httpStatus(503)
                .retryAfter(Duration.ofMillis(1500));
        HttpResponse<byte[]> r = http.post(BatchOperation.START_BATCH_JOB, START);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(
                "text/html"));
        assertThat(sim.tasks()).isEmpty();
        assertThat(fault.timesFired()).isEqualTo(1);
        assertThat(fault.isArmed()).isFalse();

        assertThat(http.post(BatchOperation.START_BATCH_JOB, START).statusCode()).as("only once").isEqualTo(200);
        assertThat(sim.tasks()).hasSize(1);
        assertThat(sim.requests()).first().satisfies(rec -> {
            assertThat(rec.operation()).isEqualTo("StartBatchJob");
            assertThat(rec.error()).isEqualTo("injected HTTP_STATUS");
        });
    }

    @Test
    void httpStatus500IsAnHtmlErrorPageAnd502And504AreProxyPages() {
        sim.faults().on("GetBatchTaskInfosByState").once().httpStatus(500);
        HttpResponse<byte[]> r500 = http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
        assertThat(r500.statusCode()).isEqualTo(500);
        assertThat(SoapHttp.text(r500)).contains("<html>", "Runtime Error");

        sim.faults().anyRequest().once().httpStatus(502);
        assertThat(SoapHttp.text(http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY)))
                .contains("502 Bad Gateway");
        sim.faults().anyRequest().once().httpStatus(504);
        HttpResponse<byte[]> r504 = http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
        assertThat(r504.statusCode()).isEqualTo(504);
        assertThat(SoapHttp.text(r504)).contains("504 Gateway Timeout");
    }

    @Test
    void httpStatus429WithRetryAfter() {
        sim.faults().anyRequest().once().httpStatus(429).retryAfter(Duration.ofSeconds(3));
        HttpResponse<byte[]> r = http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void soapFaultIsAServerFaultWithStatus500() {
        sim.faults().on("StartBatchJob").soapFault();
        HttpResponse<byte[]> r = http.post(BatchOperation.START_BATCH_JOB, START);
        assertThat(r.statusCode()).isEqualTo(500);
        SoapResponse decoded = SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body());
        assertThat(decoded.fault()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(SoapFault.Code.SERVER));
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void exceptionInfoAnswers200WithSucceededFalse() {
        sim.faults().on("StartBatchJob").once().exceptionInfo("SoServerException", "database is gone");
        SoapResponse r = http.call(BatchOperation.START_BATCH_JOB, START);
        assertThat(r.headers().succeeded()).isFalse();
        assertThat(r.headers().exceptionInfo().exceptionType()).isEqualTo("SoServerException");
        assertThat(r.headers().exceptionInfo().message()).isEqualTo("database is gone");
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void delayHoldsTheAnswerThenAnswersNormally() {
        sim.faults().on("StartBatchJob").once().delay(Duration.ofMillis(400));
        long t0 = System.nanoTime();
        assertThat(http.ok(BatchOperation.START_BATCH_JOB, START, IntResponse.class).value()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(sim.tasks()).hasSize(1);
    }

    @Test
    void closeBeforeReadDropsTheConnectionAndTheOperationDoesNotRun() {
        sim.faults().on("StartBatchJob").once().closeBeforeRead();
        assertThatThrownBy(() -> http.post(BatchOperation.START_BATCH_JOB, START))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.tasks()).isEmpty();
        assertThat(sim.requests()).first().satisfies(rec -> {
            assertThat(rec.error()).isEqualTo("injected CLOSE_BEFORE_READ");
            assertThat(rec.payload()).isNull();
        });
    }

    @Test
    void closeAfterReadDropsTheConnectionAfterTheOperationRan() {
        sim.faults().on("StartBatchJob").once().closeAfterRead();
        assertThatThrownBy(() -> http.post(BatchOperation.START_BATCH_JOB, START))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.tasks()).as("the outcome is unknown to the client, but the task exists").hasSize(1);
        assertThat(sim.requestCount("StartBatchJob")).isEqualTo(1);
    }

    @Test
    void truncatedBodyEndsTheConnectionBeforeTheDeclaredLength() {
        sim.faults().on("StartBatchJob").once().truncatedBody();
        assertThatThrownBy(() -> http.post(BatchOperation.START_BATCH_JOB, START))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.tasks()).hasSize(1);
    }

    @Test
    void malformedBodyIsACompleteMessageWithBrokenXml() {
        sim.faults().on("StartBatchJob").once().malformedBody();
        HttpResponse<byte[]> r = http.post(BatchOperation.START_BATCH_JOB, START);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body()))
                .isInstanceOfSatisfying(SoapDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.MALFORMED));
    }

    @Test
    void oversizedBodyIsWellFormedButBeyondTheLimit() {
        sim.faults().on("StartBatchJob").once().oversizedBody(300_000);
        HttpResponse<byte[]> r = http.post(BatchOperation.START_BATCH_JOB, START);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length).isGreaterThan(300_000);
        assertThat(SoapHttp.CODEC.decodeResponse(BatchOperation.START_BATCH_JOB, r.body())
                .payload(IntResponse.class).value()).isPositive();
        assertThatThrownBy(() -> SoapCodec.withMaxInputBytes(200_000).decodeResponse(BatchOperation.START_BATCH_JOB,
                r.body())).isInstanceOfSatisfying(SoapDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_LARGE));
    }

    @Test
    void nthRequestHitsOnlyThatRequestCountedFromArming() {
        http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
        sim.faults().nthRequest(2).httpStatus(503);
        assertThat(http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).statusCode()).isEqualTo(200);
        assertThat(http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).statusCode()).isEqualTo(503);
        assertThat(http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).statusCode()).isEqualTo(200);
    }

    @Test
    void operationFaultsLeaveOtherOperationsAloneAndClearDisarmsThem() {
        sim.faults().on("StartBatchJob").times(2).httpStatus(503);
        assertThat(http.post(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).statusCode()).isEqualTo(200);
        assertThat(http.post(BatchOperation.START_BATCH_JOB, START).statusCode()).isEqualTo(503);
        sim.faults().clear();
        assertThat(http.post(BatchOperation.START_BATCH_JOB, START).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOperationNamesAreRefusedWhenArming() {
        assertThatThrownBy(() -> sim.faults().on("StartBatchJobs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().anyRequest().soapFault().retryAfter(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }
}
