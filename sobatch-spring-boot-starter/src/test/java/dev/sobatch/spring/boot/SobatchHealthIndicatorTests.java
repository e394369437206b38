package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.simulator.BatchSimulatorExtension;
import dev.sobatch.simulator.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

class SobatchHealthIndicatorTests {

    @RegisterExtension
    static final BatchSimulatorExtension SIM = new BatchSimulatorExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SobatchAutoConfiguration.class,
                    SobatchHealthAutoConfiguration.class));

    private ApplicationContextRunner enabled(String endpoint) {
        return runner.withPropertyValues("management.health.sobatch.enabled=true", "sobatch.endpoint=" + endpoint,
                "sobatch.ticket=" + SIM.simulator().ticket(), "sobatch.retry.max-attempts=1");
    }

    private static Health check(ApplicationContext context) {
        return context.getBean("sobatchHealthIndicator", SobatchHealthIndicator.class).health()
                .block(Duration.ofSeconds(30));
    }

    @Test
    void theIndicatorIsOffByDefault() {
        runner.withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl(),
                "sobatch.ticket=" + SIM.simulator().ticket())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveHealthIndicator.class));
    }

    @Test
    void theIndicatorNeedsSpringBootHealthOnTheClasspath() {
        enabled(SIM.simulator().baseUrl().toString())
                .withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("sobatchHealthIndicator"));
    }

    @Test
    void theIndicatorBacksOffWhenTheUserDefinesOneOfTheSameName() {
        enabled(SIM.simulator().baseUrl().toString())
                .withBean("sobatchHealthIndicator", ReactiveHealthIndicator.class,
                        () -> () -> reactor.core.publisher.Mono.just(Health.outOfService().build()))
                .run(context -> assertThat(context).getBean("sobatchHealthIndicator")
                        .isNotInstanceOf(SobatchHealthIndicator.class));
    }

    @Test
    void upWhenBatchSvcAnswersAndNoTaskIsStartedOrChanged() {
        ReactiveBatchClient seed = ReactiveBatchClient.builder().endpoint(SIM.simulator().baseUrl())
                .ticket(SIM.simulator().ticket()).build();
        try (seed) {
            seed.startBatchJob(BatchTaskInfo.named("HealthSeed").build()).block(Duration.ofSeconds(30));
        }
        List<BatchTaskInfo> before = SIM.simulator().tasks();
        SIM.simulator().clearRequests();

        enabled(SIM.simulator().baseUrl().toString()).run(context -> {
            Health health = check(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("endpoint", SIM.simulator().batchServiceUrl().toString());
        });

        assertThat(SIM.simulator().requests()).extracting(RecordedRequest::operation).containsOnly("GetBatchTaskInfo");
        assertThat(SIM.simulator().tasks()).hasSameSizeAs(before);
        assertThat(SIM.simulator().tasks()).extracting(BatchTaskInfo::id)
                .containsExactlyInAnyOrderElementsOf(before.stream().map(BatchTaskInfo::id).toList());
    }

    @Test
    void upWhenTheServiceAnswersWithAFault() {
        SIM.simulator().faults().on("GetBatchTaskInfo").always().soapFault();
        enabled(SIM.simulator().baseUrl().toString()).run(context -> {
            Health health = check(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("serviceMessage");
        });
    }

    @Test
    void downWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        enabled("http://127.0.0.1:" + closedPort + "/").run(context -> {
            Health health = check(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    @Test
    void downWhenTheServiceAnswersWithAnHttpError() {
        SIM.simulator().faults().on("GetBatchTaskInfo").always().httpStatus(502);
        enabled(SIM.simulator().baseUrl().toString()).run(context -> {
            assertThat(check(context).getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void downWhenTheAnswerComesAfterTheHealthTimeout() {
        SIM.simulator().faults().on("GetBatchTaskInfo").always().delay(Duration.ofSeconds(5));
        enabled(SIM.simulator().baseUrl().toString()).withPropertyValues("management.health.sobatch.timeout=200ms")
                .run(context -> {
                    Health health = check(context);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("error")).asString().contains("no answer within");
                });
    }

    @Test
    void secretsStayOutOfTheHealthDetails() {
        SIM.simulator().faults().on("GetBatchTaskInfo").always().httpStatus(500);
        enabled(SIM.simulator().baseUrl().toString()).run(context -> {
            assertThat(check(context).toString()).doesNotContain(SIM.simulator().ticket());
        });
    }
}
