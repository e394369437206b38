package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTimeoutException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.soap.SoapDecodingException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault kind as the SDK's reactive client reports it: the exception type users program against. */
class ClientObservedFaultsTest {
    private static final Duration BLOCK = Duration.ofSeconds(30);
    private static final BatchTaskInfo EXPORT = BatchTaskInfo.named("Export").build();

    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension();

    private BatchSimulator sim;
    private ReactiveBatchClient client;

    @BeforeEach
    void setUp() {
        sim = EXT.simulator();
        sim.clearTasks();
        client = client(RetryPolicy.none(), Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private ReactiveBatchClient client(RetryPolicy retry, Duration responseTimeout) {
        return ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl()).ticket(sim.ticket()).retryPolicy(retry)
                .responseTimeout(responseTimeout).maxResponseBytes(200_000).build();
    }

    @Test
    void httpStatusIsATransportExceptionWithTheStatusAndAnExcerpt() {
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            sim.faults().on("GetBatchTaskInfo").once().httpStatus(status);
            assertThatThrownBy(() -> client.getBatchTaskInfo(1).block(BLOCK))
                    .isInstanceOfSatisfying(BatchTransportException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(status);
                        assertThat(e.operation()).isEqualTo("GetBatchTaskInfo");
                    });
        }
    }

    @Test
    void serviceUnavailableWithRetryAfterIsRetriedByTheDefaultPolicy() {
        try (ReactiveBatchClient retrying = client(RetryPolicy.defaults(), Duration.ofSeconds(5))) {
            sim.faults().on("GetBatchTaskInfo").once().httpStatus(503).retryAfter(Duration.ofMillis(100));
            assertThat(retrying.getBatchTaskInfo(1).blockOptional(BLOCK)).isEmpty();
            assertThat(sim.requestCount("GetBatchTaskInfo")).isEqualTo(2);
        }
    }

    @Test
    void soapFaultIsAServiceExceptionCarryingTheFault() {
        sim.faults().on("StartBatchJob").once().soapFault();
        assertThatThrownBy(() -> client.startBatchJob(EXPORT).block(BLOCK))
                .isInstanceOfSatisfying(BatchServiceException.class, e -> {
                    assertThat(e.fault()).isPresent();
                    assertThat(e.httpStatus()).isEqualTo(500);
                });
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void exceptionInfoIsAServiceExceptionCarryingTheInfo() {
        sim.faults().on("StartBatchJob").once().exceptionInfo("SoServerException", "database is gone");
        assertThatThrownBy(() -> client.startBatchJob(EXPORT).block(BLOCK))
                .isInstanceOfSatisfying(BatchServiceException.class, e -> {
                    assertThat(e.exceptionInfo()).hasValueSatisfying(i -> assertThat(i.exceptionType())
                            .isEqualTo("SoServerException"));
                    assertThat(e.serviceMessage()).isEqualTo("database is gone");
                });
    }

    @Test
    void unknownTicketIsAServiceExceptionFromSoSecurityException() {
        try (ReactiveBatchClient stranger = ReactiveBatchClient.builder().endpoint(sim.batchServiceUrl())
                .ticket("7T:stranger").retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> stranger.getBatchTaskInfo(1).block(BLOCK))
                    .isInstanceOfSatisfying(BatchServiceException.class, e -> assertThat(e.exceptionInfo())
                            .hasValueSatisfying(i -> assertThat(i.exceptionType()).isEqualTo("SoSecurityException")));
        }
    }

    @Test
    void delayBeyondTheResponseTimeoutIsATimeout() {
        try (ReactiveBatchClient impatient = client(RetryPolicy.none(), Duration.ofMillis(300))) {
            sim.faults().on("GetBatchTaskInfo").once().delay(Duration.ofSeconds(3));
            assertThatThrownBy(() -> impatient.getBatchTaskInfo(1).block(BLOCK))
                    .isInstanceOf(BatchTimeoutException.class);
        }
    }

    @Test
    void closeBeforeReadIsATransportException() {
        sim.faults().on("GetBatchTaskInfo").once().closeBeforeRead();
        assertThatThrownBy(() -> client.getBatchTaskInfo(1).block(BLOCK)).isInstanceOf(BatchTransportException.class);
    }

    @Test
    void closeAfterReadIsATransportExceptionWithTheRequestSentAndStartBatchJobIsNotResent() {
        try (ReactiveBatchClient retrying = client(RetryPolicy.defaults(), Duration.ofSeconds(5))) {
            sim.faults().on("StartBatchJob").once().closeAfterRead();
            assertThatThrownBy(() -> retrying.startBatchJob(EXPORT).block(BLOCK))
                    .isInstanceOfSatisfying(BatchTransportException.class, e -> assertThat(e.requestSent()).isTrue());
            assertThat(sim.requestCount("StartBatchJob")).isEqualTo(1);
            assertThat(sim.tasks()).as("the job did start").hasSize(1);
        }
    }

    @Test
    void truncatedBodyIsATransportExceptionAfterTheRequestWasSent() {
        sim.faults().on("StartBatchJob").once().truncatedBody();
        assertThatThrownBy(() -> client.startBatchJob(EXPORT).block(BLOCK))
                .isInstanceOfSatisfying(BatchTransportException.class, e -> assertThat(e.requestSent()).isTrue());
    }

    @Test
    void malformedBodyIsAResponseExceptionOfReasonMalformed() {
        sim.faults().on("StartBatchJob").once().malformedBody();
        assertThatThrownBy(() -> client.startBatchJob(EXPORT).block(BLOCK))
                .isInstanceOfSatisfying(BatchResponseException.class, e -> assertThat(e.reason())
                        .hasValue(SoapDecodingException.Reason.MALFORMED));
    }

    @Test
    void oversizedBodyIsAResponseExceptionOfReasonTooLarge() {
        sim.faults().on("GetBatchTaskInfo").once().oversizedBody(1_000_000);
        assertThatThrownBy(() -> client.getBatchTaskInfo(1).block(BLOCK))
                .isInstanceOfSatisfying(BatchResponseException.class, e -> assertThat(e.reason())
                        .hasValue(SoapDecodingException.Reason.TOO_LARGE));
    }

    @Test
    void clientAndSimulatorAgreeOnAWholeLifecycle() {
        int id = client.startBatchJob(EXPORT).block(BLOCK);
        BatchTaskInfo seen = client.getBatchTaskInfo(id).block(BLOCK);
        BatchTaskInfo stored = sim.task(id).orElseThrow();
        assertThat(seen.id()).isEqualTo(stored.id());
        assertThat(seen.name()).isEqualTo("Export");
        assertThat(seen.created()).isEqualTo(stored.created());
        assertThat(client.stopBatchJob(id).block(BLOCK)).isTrue();
        assertThat(client.getBatchTaskInfo(id).block(BLOCK).result()).isEqualTo("Cancelled by user");
    }
}
