package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.simulator.BatchSimulatorExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Metrics and observations of the auto-configured client reach the context's registries, with no code. */
class SobatchObservabilityTests {

    @RegisterExtension
    static final BatchSimulatorExtension SIM = new BatchSimulatorExtension();

    private ApplicationContextRunner runner(Class<?>... more) {
        Class<?>[] all = new Class<?>[more.length + 1];
        all[0] = SobatchAutoConfiguration.class;
        System.arraycopy(more, 0, all, 1, more.length);
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(all))
                .withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl(),
                        "sobatch.ticket=" + SIM.simulator().ticket());
    }

    @Test
    void callsAppearAsMetricsThroughSpringBootsOwnMetricsAndObservationSetUp() {
        runner(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, ObservationAutoConfiguration.class).run(context -> {
                    BatchClient client = context.getBean(BatchClient.class);
                    client.getBatchTaskInfosByState(BatchTaskState.ALL);
                    client.getBatchTaskInfosByState(BatchTaskState.STARTED);

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Eventually.assertThat(() -> assertThat(meters.find("sobatch.client.requests").timers()
                            .stream().mapToLong(Timer::count).sum())
                            .as("sobatch.client.requests in %s", meters.getMeters()).isEqualTo(2));
                    assertThat(meters.find("sobatch.client.requests").tag("operation", "GetBatchTaskInfosByState")
                            .timer()).isNotNull();
                    assertThat(meters.find("sobatch.client.attempts").counters().stream()
                            .mapToDouble(Counter::count).sum()).as("attempts in %s", meters.getMeters())
                            .isEqualTo(2.0);
                });
    }

    @Test
    void callsAreTimedInAContextMeterRegistryWithoutObservations() {
        runner().withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Eventually.assertThat(() -> assertThat(meters.find("sobatch.client.requests").timers().stream()
                    .mapToLong(Timer::count).sum()).as("sobatch.client.requests in %s", meters.getMeters())
                    .isEqualTo(1));
            assertThat(meters.find("sobatch.client.requests").timer().getId().getTag("outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void callsAreObservedInTheContextObservationRegistry() {
        runner().withBean(TestObservationRegistry.class, TestObservationRegistry::create).run(context -> {
            context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
            TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
            Eventually.assertThat(() -> TestObservationRegistryAssert.assertThat(observations)
                    .hasObservationWithNameEqualTo("sobatch.client.requests").that().hasBeenStarted()
                    .hasBeenStopped());
        });
    }

    @Test
    void noRegistryInTheContextMeansNoInstrumentationAndNoFailure() {
        runner().run(context -> {
            assertThat(context).doesNotHaveBean(MeterRegistry.class);
            assertThat(context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL)).isNotNull();
        });
    }
}
