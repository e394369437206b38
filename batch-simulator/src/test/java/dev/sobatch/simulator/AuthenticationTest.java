package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private static final Object QUERY = GetBatchTaskInfosByState.of(BatchTaskState.ALL);

    private static SoExceptionInfo refusal(SoapResponse r) {
        assertThat(r.isFault()).isFalse();
        assertThat(r.headers().succeeded()).isFalse();
        assertThat(r.headers().exceptionInfo()).isNotNull();
        return r.headers().exceptionInfo();
    }

    @Test
    void missingTicketIsRefusedWithSoSecurityException() {
        try (BatchSimulator sim = BatchSimulator.start()) {
            SoapResponse r = new SoapHttp(sim).headers(RequestHeaders.none())
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
            assertThat(refusal(r).exceptionType()).isEqualTo("SoSecurityException");
            assertThat(r.payload(BatchTaskInfoListResponse.class).value()).isEmpty();
        }
    }

    @Test
    void unknownTicketIsRefusedWithoutRepeatingIt() {
        try (BatchSimulator sim = BatchSimulator.start()) {
            SoapResponse r = new SoapHttp(sim).headers(RequestHeaders.of(null, "7T:forged-ticket"))
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
            SoExceptionInfo info = refusal(r);
            assertThat(info.exceptionType()).isEqualTo("SoSecurityException");
            assertThat(info.toString()).doesNotContain("forged");
        }
    }

    @Test
    void preconfiguredTicketsAreAcceptedAndRevokedTicketsAreNot() {
        SimulatorConfig config = SimulatorConfig.builder().ticket("7T:one").ticket("7T:two").build();
        try (BatchSimulator sim = BatchSimulator.start(config)) {
            assertThat(sim.ticket()).isEqualTo("7T:one");
            SoapHttp two = new SoapHttp(sim).headers(RequestHeaders.of(null, "7T:two"));
            assertThat(two.call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).headers().succeeded()).isTrue();

            assertThat(sim.revokeTicket("7T:two")).isTrue();
            assertThat(refusal(two.call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY)).exceptionType())
                    .isEqualTo("SoSecurityException");
        }
    }

    /**
     * The JDK's default SecureRandom (NativePRNG) reads /dev/urandom again once its buffer is 100 ms old:
     * a blocking file read, here on the simulator's event loop. BlockHoundExtension fails the test on it.
     */
    @Test
    void ticketsAreIssuedOnTheEventLoopWithoutReadingTheEntropySource() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.builder().user("alice", "s3cret", 42).build();
        try (BatchSimulator sim = BatchSimulator.start(config)) {
            SoapHttp anonymous = new SoapHttp(sim).headers(RequestHeaders.none());
            Set<String> tickets = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Thread.sleep(150); // lets any buffered entropy go stale
                AuthenticateResponse ok = anonymous.call(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                        AuthenticateUsernamePassword.of("alice", "s3cret")).payload(AuthenticateResponse.class);
                assertThat(ok.authenticationSucceeded()).isTrue();
                tickets.add(ok.ticket());
            }
            assertThat(tickets).hasSize(3);
        }
    }

    @Test
    void authenticateUsernamePasswordIssuesAWorkingTicketToConfiguredUsersOnly() {
        SimulatorConfig config = SimulatorConfig.builder().user("alice", "s3cret", 42).build();
        try (BatchSimulator sim = BatchSimulator.start(config)) {
            SoapHttp anonymous = new SoapHttp(sim).headers(RequestHeaders.none());
            AuthenticateResponse wrong = anonymous.call(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                    AuthenticateUsernamePassword.of("alice", "guess")).payload(AuthenticateResponse.class);
            assertThat(wrong.authenticationSucceeded()).isFalse();
            assertThat(wrong.ticket()).isNull();

            AuthenticateResponse ok = anonymous.call(SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                    AuthenticateUsernamePassword.of("alice", "s3cret")).payload(AuthenticateResponse.class);
            assertThat(ok.authenticationSucceeded()).isTrue();
            assertThat(ok.associateId()).isEqualTo(42);
            assertThat(ok.ticket()).startsWith("7T:").isNotEqualTo(sim.ticket());

            SoapResponse r = new SoapHttp(sim).headers(RequestHeaders.of(null, ok.ticket()))
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
            assertThat(r.headers().succeeded()).isTrue();
            assertThat(sim.requests()).last().satisfies(rec -> {
                assertThat(rec.ticketMatches(ok.ticket())).isTrue();
                assertThat(rec.maskedTicket()).isEqualTo("7T:***");
            });
        }
    }

    @Test
    void onlineModeRequiresTheConfiguredApplicationToken() {
        SimulatorConfig config = SimulatorConfig.builder().online("app-token-123").user("bob", "pw").build();
        try (BatchSimulator sim = BatchSimulator.start(config)) {
            assertThat(sim.applicationToken()).isEqualTo("app-token-123");
            SoExceptionInfo missing = refusal(new SoapHttp(sim).headers(RequestHeaders.of(null, sim.ticket()))
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY));
            assertThat(missing.exceptionType()).isEqualTo("SoSecurityException");
            assertThat(missing.message()).contains("application token");

            SoExceptionInfo wrong = refusal(new SoapHttp(sim).headers(RequestHeaders.of("other", sim.ticket()))
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY));
            assertThat(wrong.message()).contains("not valid").doesNotContain("other");

            assertThat(new SoapHttp(sim).call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY).headers()
                    .succeeded()).isTrue();
            assertThat(refusal(new SoapHttp(sim).headers(RequestHeaders.none()).call(
                    SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD, AuthenticateUsernamePassword.of("bob", "pw")))
                    .exceptionType()).isEqualTo("SoSecurityException");
            assertThat(sim.requests()).last().satisfies(rec -> {
                assertThat(rec.hasApplicationToken()).isFalse();
                assertThat(rec.payload().toString()).doesNotContain("pw");
            });
        }
    }

    @Test
    void offlineModeIgnoresApplicationTokens() {
        try (BatchSimulator sim = BatchSimulator.start()) {
            SoapResponse r = new SoapHttp(sim).headers(RequestHeaders.of("anything", sim.ticket()))
                    .call(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, QUERY);
            assertThat(r.headers().succeeded()).isTrue();
            assertThat(sim.requests().get(0).applicationTokenMatches("anything")).isTrue();
        }
    }
}
