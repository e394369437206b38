package dev.sobatch.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What {@code main} does out of the box: no endpoint configured, so it brings its own simulator. */
class JobsApplicationMainTest {

    @Test
    void withoutAnEndpointTheApplicationStartsJobsOnALocalSimulator() {
        try (ConfigurableApplicationContext context = JobsApplication.start(new String[] {"--server.port=0"})) {
            String endpoint = context.getEnvironment().getProperty("sobatch.endpoint");
            assertThat(endpoint).startsWith("http://127.0.0.1:").endsWith("/Remote/Services88/Batch.svc");
            String port = context.getEnvironment().getProperty("local.server.port");
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();

            web.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "demo"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.id").isNumber();
        }
    }
}
