package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchSimulatorExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        @RegisterExtension
        static final BatchSimulatorExtension EXT = new BatchSimulatorExtension();

        static final Set<Integer> PORTS = new HashSet<>();

        @Test
        @Order(1)
        void firstTestLeavesARequestAndAFault(BatchSimulator sim) {
            assertThat(sim).isSameAs(EXT.simulator());
            PORTS.add(sim.port());
            new SoapHttp(sim).ok(BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named("X").build()),
                    IntResponse.class);
            sim.faults().anyRequest().httpStatus(503);
        }

        @Test
        @Order(2)
        void secondTestSharesTheSimulatorWithRequestsAndFaultsCleared() {
            BatchSimulator sim = EXT.simulator();
            PORTS.add(sim.port());
            assertThat(PORTS).hasSize(1);
            assertThat(sim.requests()).isEmpty();
            assertThat(sim.faults().faults()).isEmpty();
            assertThat(sim.tasks()).as("tasks live as long as the class").hasSize(1);
        }

        @AfterAll
        static void stopsAfterTheClass() {
            assertThat(PORTS).hasSize(1);
        }
    }

    @Nested
    class PerMethod {
        @RegisterExtension
        final BatchSimulatorExtension ext = new BatchSimulatorExtension();

        @Test
        void eachTestGetsItsOwnRunningSimulator() {
            BatchSimulator sim = ext.simulator();
            assertThat(sim.isRunning()).isTrue();
            assertThat(sim.tasks()).isEmpty();
            assertThat(new SoapHttp(sim).ok(BatchOperation.START_BATCH_JOB,
                    StartBatchJob.of(BatchTaskInfo.named("X").build()), IntResponse.class).value()).isEqualTo(1);
        }

        @Test
        void anotherTestStartsFromScratch() {
            assertThat(ext.simulator().tasks()).isEmpty();
            assertThat(ext.simulator().requests()).isEmpty();
        }
    }
}
