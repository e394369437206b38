package dev.sobatch.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.blocking.BatchClientBuilder;
import dev.sobatch.client.BatchException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.reliability.support.SecretScan;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password given to {@code credentials(user, password)} (SoPrincipal's AuthenticateUsernamePassword) never
 * surfaces: not in the wire log at DEBUG, exceptions (message, toString, causes), {@code toString()} of
 * builders and clients, meter tags or observations; also when SoPrincipal refuses the login, when the login
 * endpoint answers an HTTP error, and through the blocking client. Each test uses its own password, so a
 * hit in the shared log file names the test that leaked it.
 *
 * <p>The accepted login runs against a scripted SoPrincipal on {@link FaultServer}, written so while the
 * simulator's own successful login blocked its event loop (fixed since, {@code SimulatorLoginOnEventLoopTest}).
 */
class CredentialsStayHiddenTest {
    private static final String USER = "ada.lovelace";
    private static BatchSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = BatchSimulator.start(SimulatorConfig.builder().port(0).user(USER, password("simulator"))
                .manualClock().build());
    }

    @BeforeEach
    void forgetEarlierRequests() {
        simulator.clearRequests();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A distinctive password per case; no log line or message can contain it by chance. */
    private static String password(String label) {
        return "Pw-" + label + "-9f3Kq!x";
    }

    private static void assertHidden(String where, String text, String password) {
        assertThat(text).as(where).doesNotContain(password).doesNotContain(password.substring(0, password.length() - 3));
    }

    /** The log must hold this test's wire lines (so the scan read something) and not its password. */
    private static void assertLogHidden(String password, String operation) {
        String log = SecretScan.log();
        if (SecretScan.logFile() != null) {
            assertThat(log).as("wire log of the SoPrincipal exchange").contains(">> " + operation + " POST");
            assertThat(log).as("the password element is logged blanked").contains("<Password>***</Password>");
        }
        assertHidden("log output", log, password);
    }

    private record Observed(SimpleMeterRegistry meters, TestObservationRegistry observations,
            SecretScan.ObservationText text) {
        static Observed create() {
            TestObservationRegistry observations = TestObservationRegistry.create();
            SecretScan.ObservationText text = new SecretScan.ObservationText();
            observations.observationConfig().observationHandler(text);
            return new Observed(new SimpleMeterRegistry(), observations, text);
        }

        String everything() {
            return SecretScan.meters(meters) + "\n" + text.text();
        }
    }

    private static ReactiveBatchClientBuilder reactive(String password, Observed o) {
        return ReactiveBatchClient.builder().endpoint(simulator.batchServiceUrl()).credentials(USER, password)
                .wireLogging(true).deadline(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.none())
                .meterRegistry(o.meters()).observationRegistry(o.observations());
    }

    @Test
    void acceptedPasswordAndIssuedTicketAreInNoLogMeterObservationOrToString() {
        String password = password("accepted");
        String issued = "7T:IssuedByScriptedSoPrincipal4Wq==";
        Observed o = Observed.create();
        try (FaultServer soPrincipal = FaultServer.start(call -> {
            if (SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD.operationName().equals(call.operation)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                SoapCodec.defaults().encodeResponse(call.version, SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                        ResponseHeaders.success(), AuthenticateResponse.succeeded(issued, 7, USER), out);
                call.respond(200, call.version.responseContentType(), out.toByteArray());
            } else {
                call.respondSuccess();
            }
        })) {
            ReactiveBatchClientBuilder builder = ReactiveBatchClient.builder().endpoint(soPrincipal.batchUrl())
                    .credentials(USER, password).wireLogging(true).deadline(Duration.ofSeconds(10))
                    .retryPolicy(RetryPolicy.none()).meterRegistry(o.meters()).observationRegistry(o.observations());
            try (ReactiveBatchClient client = builder.build()) {
                Integer id = client.startBatchJob(BatchTaskInfo.named("Export").build()).block(Duration.ofSeconds(15));
                assertThat(id).isPositive();
                assertThat(client.getBatchTaskInfo(id).block(Duration.ofSeconds(15))).isNotNull();
                assertHidden("client and builder toString", client + " " + builder, password);
            }
            assertThat(soPrincipal.requests("AuthenticateUsernamePassword")).as("logged in once").isEqualTo(1);
            assertThat(soPrincipal.rawRequests()).as("the issued ticket was used")
                    .anySatisfy(r -> assertThat(r).contains("<Ticket>" + issued + "</Ticket>"));
        }
        assertThat(o.text().count()).as("observations recorded").isPositive();
        assertHidden("meters and observations", o.everything(), password);
        assertHidden("meters and observations", o.everything(), issued);
        assertLogHidden(password, "AuthenticateUsernamePassword");
        assertHidden("log output (issued ticket)", SecretScan.log(), issued);
    }

    @Test
    void refusedLoginFailsWithoutRepeatingThePassword() {
        String password = password("refused");
        Observed o = Observed.create();
        ReactiveBatchClientBuilder builder = reactive(password, o);
        try (ReactiveBatchClient client = builder.build()) {
            Throwable error = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("Export").build())
                    .block(Duration.ofSeconds(15)));
            assertThat(error).isInstanceOf(BatchServiceException.class);
            assertThat(((BatchException) error).operation()).isEqualTo("AuthenticateUsernamePassword");
            assertHidden("exception", SecretScan.describe(error), password);
            assertHidden("client and builder toString", client + " " + builder, password);
        }
        assertThat(simulator.requestCount("StartBatchJob")).as("nothing sent without a ticket").isZero();
        assertHidden("meters and observations", o.everything(), password);
        assertLogHidden(password, "AuthenticateUsernamePassword");
    }

    @Test
    void loginEndpointErrorPageFailsWithoutRepeatingThePassword() {
        String password = password("http500");
        Observed o = Observed.create();
        simulator.faults().on("AuthenticateUsernamePassword").once().httpStatus(500);
        try (ReactiveBatchClient client = reactive(password, o).build()) {
            Throwable error = catchThrowable(() -> client.getBatchTaskInfo(1).block(Duration.ofSeconds(15)));
            assertThat(error).isInstanceOf(BatchTransportException.class);
            assertThat(((BatchTransportException) error).httpStatus()).hasValue(500);
            assertHidden("exception", SecretScan.describe(error), password);
        } finally {
            simulator.faults().clear();
        }
        assertHidden("meters and observations", o.everything(), password);
        assertLogHidden(password, "AuthenticateUsernamePassword");
    }

    @Test
    void blockingClientKeepsThePasswordOutOfExceptionsAndToString() {
        String password = password("blocking");
        Observed o = Observed.create();
        BatchClientBuilder builder = BatchClient.builder().endpoint(simulator.batchServiceUrl())
                .credentials(USER, password).wireLogging(true).retryPolicy(RetryPolicy.none())
                .deadline(Duration.ofSeconds(10)).meterRegistry(o.meters()).observationRegistry(o.observations());
        try (BatchClient client = builder.build()) {
            for (Runnable call : List.<Runnable>of(() -> client.startBatchJob(BatchTaskInfo.named("Export").build()),
                    () -> client.getBatchTaskInfo(1), () -> client.getBatchTaskInfosByState(
                            dev.sobatch.model.BatchTaskState.ALL))) {
                Throwable error = catchThrowable(call::run);
                assertThat(error).isInstanceOf(BatchServiceException.class);
                assertHidden("exception", SecretScan.describe(error), password);
            }
            assertHidden("client, reactive client and builder toString",
                    client + " " + client.reactive() + " " + builder, password);
        }
        assertHidden("meters and observations", o.everything(), password);
        assertLogHidden(password, "AuthenticateUsernamePassword");
    }
}
