package dev.sobatch.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.PoolProbe;
import dev.sobatch.reliability.support.SecretScan;
import dev.sobatch.reliability.support.SelfSignedTls;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapDecodingException.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.netty.handler.ssl.SslContext;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

/**
 * Each fault kind against StartBatchJob and GetBatchTaskInfo through a real client over loopback, under the
 * default retry policy: the exception type, how many requests reached the server, the total time within
 * the deadline, the pool back to idle, no secret anywhere, and (via the guards) no leaked ByteBuf and no
 * blocking call on an event loop.
 */
@Execution(ExecutionMode.CONCURRENT) // cases are independent (own server, pool, client) and mostly wait on timers
class FaultMatrixTest {
    /** Slack over the deadline for scheduling on a busy 2-core machine; a hang is far beyond it. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static SslContext tls;
    private static final List<String> SEEN = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = SelfSignedTls.serverContext();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(FaultKind.values()).flatMap(f -> Stream.of(
                Arguments.of(f, BatchOperation.START_BATCH_JOB), Arguments.of(f, BatchOperation.GET_BATCH_TASK_INFO)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void faultEndsInTheDocumentedErrorWithinTheDeadline(FaultKind fault, BatchOperation op) throws Exception {
        PoolProbe probe = new PoolProbe();
        ConnectionProvider provider = probe.provider("faults-" + fault, 4);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TestObservationRegistry observations = TestObservationRegistry.create();
        SecretScan.ObservationText observed = new SecretScan.ObservationText();
        observations.observationConfig().observationHandler(observed);
        FaultServer server = fault == FaultKind.TLS_HANDSHAKE_FAILURE ? FaultServer.startTls(fault.behaviour(), tls)
                : FaultServer.start(fault.behaviour());
        URI endpoint = fault == FaultKind.CONNECTION_REFUSED ? URI.create("http://127.0.0.1:" + freePort()
                + "/Remote/Services88/Batch.svc") : server.batchUrl();
        ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(endpoint)
                .applicationToken(SecretScan.APP_TOKEN).ticket(SecretScan.TICKET)
                .soapVersion(fault.clientVersion())
                .deadline(FaultKind.DEADLINE).responseTimeout(FaultKind.RESPONSE_TIMEOUT)
                .connectTimeout(Duration.ofSeconds(2)).maxResponseBytes(FaultKind.MAX_RESPONSE_BYTES)
                .retryPolicy(RetryPolicy.defaults()).connectionProvider(provider)
                .meterRegistry(meters).observationRegistry(observations).wireLogging(true).build();
        try {
            Mono<?> call = op == BatchOperation.START_BATCH_JOB
                    ? client.startBatchJob(BatchTaskInfo.named("Export").parameter("k", "v").build())
                    : client.getBatchTaskInfo(7);
            long start = System.nanoTime();
            Throwable error = call.then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
                    .block(FaultKind.DEADLINE.plus(SLACK).plus(SLACK));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(error).as("%s on %s must fail", fault, op).isInstanceOf(fault.expected);
            assertThat(took).as("total time").isLessThanOrEqualTo(FaultKind.DEADLINE.plus(SLACK));
            BatchException be = (BatchException) error;
            assertThat(be.operation()).isEqualTo(op.operationName());
            assertThat(be.endpointHost()).isEqualTo("127.0.0.1");
            checkDetails(fault, be, took);
            // let a server-side timer (slow answers) fire, then count what reached the server
            Thread.sleep(100);
            assertThat(server.requests()).as("requests the server received").isEqualTo(fault.expectedRequests(op));
            if (op == BatchOperation.START_BATCH_JOB) {
                assertThat(server.requests("StartBatchJob")).as("StartBatchJob never duplicated").isLessThanOrEqualTo(
                        fault.startBatchJobRequests);
            }
            probe.awaitIdle(Duration.ofSeconds(5));

            String everything = SecretScan.describe(error) + "\n" + SecretScan.meters(meters) + "\n" + observed.text();
            SecretScan.assertClean(fault + " exception, meters, observations", everything);
            synchronized (SEEN) {
                SEEN.add(fault + "/" + op);
            }
        } finally {
            client.close();
            provider.disposeLater().block(Duration.ofSeconds(10));
            server.close();
        }
    }

    private static void checkDetails(FaultKind fault, BatchException error, Duration took) {
        switch (fault) {
            case CONNECTION_REFUSED, RESET_BEFORE_REQUEST_IS_READ, TLS_HANDSHAKE_FAILURE -> {
                BatchTransportException t = (BatchTransportException) error;
                assertThat(t.httpStatus()).isEmpty();
                if (fault != FaultKind.RESET_BEFORE_REQUEST_IS_READ) {
                    assertThat(t.requestSent()).as("requestSent").isFalse();
                }
            }
            case RESET_AFTER_REQUEST_IS_READ, CLOSE_IN_THE_MIDDLE_OF_THE_BODY ->
                    assertThat(((BatchTransportException) error).requestSent()).as("requestSent").isTrue();
            case HTTP_429_WITH_RETRY_AFTER, HTTP_503_WITH_RETRY_AFTER -> {
                assertThat(((BatchTransportException) error).httpStatus()).hasValue(
                        fault == FaultKind.HTTP_429_WITH_RETRY_AFTER ? 429 : 503);
                assertThat(took).as("Retry-After: 1 honoured twice").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            }
            case HTTP_429_WITHOUT_RETRY_AFTER -> assertThat(((BatchTransportException) error).httpStatus()).hasValue(429);
            case HTTP_503_WITHOUT_RETRY_AFTER -> assertThat(((BatchTransportException) error).httpStatus()).hasValue(503);
            case HTTP_500_HTML_PAGE -> {
                BatchTransportException t = (BatchTransportException) error;
                assertThat(t.httpStatus()).hasValue(500);
                assertThat(t.bodyExcerpt()).contains("Server Error").hasSizeLessThanOrEqualTo(4096);
            }
            case HTTP_502 -> assertThat(((BatchTransportException) error).httpStatus()).hasValue(502);
            case HTTP_504 -> assertThat(((BatchTransportException) error).httpStatus()).hasValue(504);
            case SOAP_11_FAULT, SOAP_12_FAULT -> {
                BatchServiceException s = (BatchServiceException) error;
                assertThat(s.fault()).isPresent();
                assertThat(s.serviceMessage()).isEqualTo("The batch service is unavailable");
                assertThat(s.httpStatus()).isEqualTo(500);
            }
            case SUCCEEDED_FALSE_WITH_EXCEPTION_INFO -> {
                BatchServiceException s = (BatchServiceException) error;
                assertThat(s.exceptionInfo()).isPresent();
                assertThat(s.serviceMessage()).isEqualTo("The task cannot be started");
            }
            case TRUNCATED_XML, NON_XML_BODY -> assertThat(((BatchResponseException) error).reason()).hasValue(Reason.MALFORMED);
            case WRONG_CONTENT_TYPE -> assertThat(((BatchResponseException) error).reason()).hasValue(Reason.NOT_SOAP);
            case WRONG_RESPONSE_ELEMENT -> assertThat(((BatchResponseException) error).reason())
                    .hasValue(Reason.UNEXPECTED_ELEMENT);
            case OVERSIZED_BODY, GZIP_BOMB -> assertThat(((BatchResponseException) error).reason()).hasValue(Reason.TOO_LARGE);
            case XXE, BILLION_LAUGHS -> assertThat(((BatchResponseException) error).reason())
                    .hasValue(Reason.FORBIDDEN_DTD);
            default -> {
                // type, request count and time are checked by the caller
            }
        }
    }

    @AfterAll
    static void wireLogsWereCapturedAndHoldNoSecret() {
        String log = SecretScan.log();
        if (SecretScan.logFile() != null && SEEN.size() > 10) {
            assertThat(log).as("wire log captured (logger dev.sobatch.wire at DEBUG)").contains("dev.sobatch.wire");
        }
        SecretScan.assertClean("log output", log);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
