package dev.sobatch.examples.webflux;

import dev.sobatch.simulator.BatchSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring WebFlux service in front of Batch.svc: {@code POST /jobs} starts a batch job, {@code GET
 * /jobs/{id}/events} streams its progress as server-sent events, {@code /actuator/metrics} shows the
 * client's {@code sobatch.client.*} meters.
 *
 * <p>The {@code ReactiveBatchClient} comes from sobatch-spring-boot-starter, configured by {@code sobatch.*}
 * properties; Spring maps the environment variables {@code SOBATCH_ENDPOINT} and {@code SOBATCH_TICKET} to
 * them. Without an endpoint, {@link #main} starts a local simulator so the example runs out of the box:
 *
 * <pre>
 * java -jar batch-examples-webflux.jar
 * curl -XPOST localhost:8080/jobs -H 'content-type: application/json' -d '{"name":"demo"}'
 * curl -N localhost:8080/jobs/1/events
 * curl localhost:8080/actuator/metrics/sobatch.client.requests
 * </pre>
 */
@SpringBootApplication
public class JobsApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Runs the application; without a configured endpoint also a simulator, stopped with the context. */
    static ConfigurableApplicationContext start(String[] args) {
        if (endpointConfigured(args)) {
            return SpringApplication.run(JobsApplication.class, args);
        }
        BatchSimulator simulator = BatchSimulator.start();
        List<String> withSimulator = new ArrayList<>(Arrays.asList(args));
        withSimulator.add("--sobatch.endpoint=" + simulator.batchServiceUrl());
        withSimulator.add("--sobatch.ticket=" + simulator.ticket());
        try {
            ConfigurableApplicationContext context =
                    SpringApplication.run(JobsApplication.class, withSimulator.toArray(String[]::new));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    simulator.close();
                }
            });
            System.err.println("No sobatch.endpoint given; using a local Batch.svc simulator at "
                    + simulator.batchServiceUrl());
            return context;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    private static boolean endpointConfigured(String[] args) {
        return System.getenv("SOBATCH_ENDPOINT") != null
                || System.getProperty("sobatch.endpoint") != null
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--sobatch.endpoint="));
    }
}
