package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.simulator.BatchSimulatorExtension;
import dev.sobatch.simulator.RecordedRequest;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.soap.SoapVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the properties change in the requests that reach the service. */
class SobatchPropertiesOnTheWireTests {

    private static final String TOKEN = "app-token-for-tests";

    @RegisterExtension
    static final BatchSimulatorExtension SIM = new BatchSimulatorExtension(
            SimulatorConfig.builder().online(TOKEN).user("alice", "alice-password").build());

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SobatchAutoConfiguration.class))
                .withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl(),
                        "sobatch.application-token=" + TOKEN);
    }

    private RecordedRequest lastBatchRequest() {
        return SIM.simulator().requests().stream().filter(r -> "GetBatchTaskInfosByState".equals(r.operation()))
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theTicketAndApplicationTokenAreSentWithSoap11ByDefault() {
        runner().withPropertyValues("sobatch.ticket=" + SIM.simulator().ticket()).run(context -> {
            context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
            RecordedRequest request = lastBatchRequest();
            assertThat(request.soapVersion()).isEqualTo(SoapVersion.SOAP_11);
            assertThat(request.ticketMatches(SIM.simulator().ticket())).isTrue();
            assertThat(request.applicationTokenMatches(TOKEN)).isTrue();
        });
    }

    @Test
    void soapVersion12IsUsedWhenConfigured() {
        runner().withPropertyValues("sobatch.ticket=" + SIM.simulator().ticket(), "sobatch.soap-version=1.2")
                .run(context -> {
                    context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
                    assertThat(lastBatchRequest().soapVersion()).isEqualTo(SoapVersion.SOAP_12);
                });
    }

    @Test
    void usernameAndPasswordGetATicketFromSoPrincipal() {
        runner().withPropertyValues("sobatch.username=alice", "sobatch.password=alice-password").run(context -> {
            context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
            assertThat(SIM.simulator().requestCount("AuthenticateUsernamePassword")).isEqualTo(1);
            RecordedRequest request = lastBatchRequest();
            assertThat(request.hasTicket()).isTrue();
            assertThat(request.ticketMatches(SIM.simulator().ticket())).isFalse();
        });
    }

    @Test
    void maxAttemptsBoundsTheResendsOfAFailingCall() {
        SIM.simulator().faults().on("GetBatchTaskInfosByState").always().httpStatus(503);
        runner().withPropertyValues("sobatch.ticket=" + SIM.simulator().ticket(), "sobatch.retry.max-attempts=2",
                "sobatch.retry.backoff-base=1ms", "sobatch.retry.backoff-cap=5ms").run(context -> {
                    assertThatThrownBy(() -> context.getBean(BatchClient.class)
                            .getBatchTaskInfosByState(BatchTaskState.ALL))
                            .isInstanceOf(BatchTransportException.class);
                    assertThat(SIM.simulator().requestCount("GetBatchTaskInfosByState")).isEqualTo(2);
                });
    }

    @Test
    void oneAttemptMeansNoResend() {
        SIM.simulator().faults().on("GetBatchTaskInfosByState").always().httpStatus(503);
        runner().withPropertyValues("sobatch.ticket=" + SIM.simulator().ticket(), "sobatch.retry.max-attempts=1")
                .run(context -> {
                    assertThatThrownBy(() -> context.getBean(BatchClient.class)
                            .getBatchTaskInfosByState(BatchTaskState.ALL))
                            .isInstanceOf(BatchTransportException.class);
                    assertThat(SIM.simulator().requestCount("GetBatchTaskInfosByState")).isEqualTo(1);
                });
    }
}
