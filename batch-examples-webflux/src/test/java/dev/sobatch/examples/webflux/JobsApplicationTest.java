package dev.sobatch.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.simulator.TaskType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The WebFlux example over real HTTP, its ReactiveBatchClient (from the starter) talking to a simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class JobsApplicationTest {

    private static final BatchSimulator SIMULATOR = BatchSimulator.start(SimulatorConfig.builder()
            .taskType("report", TaskType.succeeding(Duration.ofMillis(800)).withProgressSteps(4))
            .build());

    @DynamicPropertySource
    static void sobatch(DynamicPropertyRegistry registry) {
        registry.add("sobatch.endpoint", () -> SIMULATOR.batchServiceUrl().toString());
        registry.add("sobatch.ticket", SIMULATOR::ticket);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Autowired
    private WebTestClient web;

    @BeforeEach
    void clearFaults() {
        SIMULATOR.faults().clear();
    }

    private int startReport() {
        JobStarted started = web.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "report", "parameters", Map.of("month", "2025-01")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/jobs/\\d+/events")
                .expectBody(JobStarted.class).returnResult().getResponseBody();
        assertThat(started).isNotNull();
        return started.id();
    }

    @Test
    void postStartsABatchJobWithItsParameters() {
        int id = startReport();

        BatchTaskInfo task = SIMULATOR.task(id).orElseThrow();
        assertThat(task.name()).isEqualTo("report");
        assertThat(task.parameters().get("month")).isEqualTo("2025-01");
    }

    @Test
    void eventsStreamProgressAndEndWithTheFinalState() {
        int id = startReport();

        List<ServerSentEvent<JobProgress>> events = web.get().uri("/jobs/{id}/events?pollMillis=100", id)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JobProgress>>() { })
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        ServerSentEvent<JobProgress> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().state()).isEqualTo("Succeeded");
        assertThat(last.data().progressPercent()).isEqualTo(100);
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.event()).isEqualTo("progress"));
        assertThat(events).extracting(e -> e.data().progressPercent()).isSorted();
    }

    @Test
    void unknownJobIsNotFound() {
        web.get().uri("/jobs/{id}", 987654).exchange().expectStatus().isNotFound();
        web.get().uri("/jobs/{id}/events", 987654).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void blankNameIsABadRequest() {
        long startsBefore = SIMULATOR.requestCount("StartBatchJob");
        web.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", " "))
                .exchange().expectStatus().isBadRequest();
        assertThat(SIMULATOR.requestCount("StartBatchJob")).isEqualTo(startsBefore);
    }

    @Test
    void serviceRefusalBecomesABadGatewayProblemWithTheServiceMessage() {
        SIMULATOR.faults().on("StartBatchJob").once().exceptionInfo("SoException", "Licence limit reached");

        web.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "report"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Licence limit reached")
                .jsonPath("$.operation").isEqualTo("StartBatchJob");
    }

    @Test
    void clientMetricsAreExposedUnderActuatorMetrics() {
        startReport();

        web.get().uri("/actuator/metrics").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.names").value(names -> assertThat(names.toString())
                        .contains("sobatch.client.requests"));
        web.get().uri("/actuator/metrics/sobatch.client.requests?tag=operation:StartBatchJob").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").value(count ->
                        assertThat(((Number) count).doubleValue()).isGreaterThanOrEqualTo(1.0));
    }
}
