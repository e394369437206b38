package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.client.TicketSource;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.simulator.BatchSimulatorExtension;
import dev.sobatch.soap.SoapVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SobatchAutoConfigurationTests {

    @RegisterExtension
    static final BatchSimulatorExtension SIM = new BatchSimulatorExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SobatchAutoConfiguration.class,
                    SobatchHealthAutoConfiguration.class));

    private ApplicationContextRunner configured() {
        return runner.withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl(),
                "sobatch.ticket=" + SIM.simulator().ticket());
    }

    @Test
    void bothClientsAreCreatedFromPropertiesAndTalkToTheService() {
        configured().run(context -> {
            assertThat(context).hasSingleBean(ReactiveBatchClient.class).hasSingleBean(BatchClient.class);
            ReactiveBatchClient reactive = context.getBean(ReactiveBatchClient.class);
            BatchClient blocking = context.getBean(BatchClient.class);
            assertThat(blocking.reactive()).isSameAs(reactive);
            assertThat(reactive.endpoint()).isEqualTo(SIM.simulator().batchServiceUrl());

            blocking.getBatchTaskInfosByState(BatchTaskState.ALL);

            assertThat(SIM.simulator().requestCount("GetBatchTaskInfosByState")).isEqualTo(1);
            assertThat(SIM.simulator().requests().get(0).ticketMatches(SIM.simulator().ticket())).isTrue();
        });
    }

    @Test
    void aUserReactiveClientWinsAndTheBlockingClientWrapsIt() {
        runner.withUserConfiguration(UserReactiveClient.class).run(context -> {
            assertThat(context).hasSingleBean(ReactiveBatchClient.class);
            assertThat(context.getBean(ReactiveBatchClient.class)).isSameAs(context.getBean("userReactive"));
            assertThat(context.getBean(BatchClient.class).reactive()).isSameAs(context.getBean("userReactive"));
        });
    }

    @Test
    void aUserBlockingClientWins() {
        configured().withUserConfiguration(UserBlockingClient.class).run(context -> {
            assertThat(context).hasSingleBean(BatchClient.class);
            assertThat(context.getBean(BatchClient.class)).isSameAs(context.getBean("userBlocking"));
        });
    }

    @Test
    void noBlockingClientWhenBatchClientBlockingIsNotOnTheClasspath() {
        configured().withClassLoader(new FilteredClassLoader(BatchClient.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReactiveBatchClient.class);
            assertThat(context).doesNotHaveBean("batchClient");
        });
    }

    @Test
    void noClientsWhenTheReactiveClientIsNotOnTheClasspath() {
        configured().withClassLoader(new FilteredClassLoader(ReactiveBatchClient.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("reactiveBatchClient").doesNotHaveBean("batchClient");
        });
    }

    @Test
    void theClientWorksWithoutMicrometerCoreOnTheClasspath() {
        configured().withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL)).isNotNull();
            assertThat(SIM.simulator().requestCount("GetBatchTaskInfosByState")).isEqualTo(1);
        });
    }

    @Test
    void aMissingEndpointFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("sobatch.ticket=abc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class);
            assertThat(Failures.text(context.getStartupFailure())).contains("sobatch.endpoint");
        });
    }

    @Test
    void noTicketNorCredentialsFailsStartUpNamingTheProperties() {
        runner.withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(Failures.text(context.getStartupFailure()))
                    .contains("sobatch.ticket", "sobatch.username", "sobatch.password", "TicketSource");
        });
    }

    @Test
    void aTicketSourceBeanIsUsedWhenNoTicketIsConfigured() {
        runner.withPropertyValues("sobatch.endpoint=" + SIM.simulator().baseUrl())
                .withBean(TicketSource.class, () -> TicketSource.fixed(SIM.simulator().ticket()))
                .run(context -> {
                    context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
                    assertThat(SIM.simulator().requests().get(0).ticketMatches(SIM.simulator().ticket())).isTrue();
                });
    }

    @Test
    void customizersRunAfterThePropertiesAreApplied() {
        configured().withPropertyValues("sobatch.soap-version=1.1")
                .withBean(ReactiveBatchClientBuilderCustomizer.class,
                        () -> builder -> builder.soapVersion(SoapVersion.SOAP_12))
                .run(context -> {
                    context.getBean(BatchClient.class).getBatchTaskInfosByState(BatchTaskState.ALL);
                    assertThat(SIM.simulator().requests().get(0).soapVersion()).isEqualTo(SoapVersion.SOAP_12);
                });
    }

    @Test
    void theClientItCreatedIsClosedWithTheContext() {
        configured().run(context -> {
            // (inferred) makes the context call close() of an AutoCloseable bean when it closes
            assertThat(context.getBeanFactory().getBeanDefinition("reactiveBatchClient"))
                    .isInstanceOfSatisfying(AbstractBeanDefinition.class, definition -> assertThat(
                            definition.getDestroyMethodNames()).containsExactly(AbstractBeanDefinition.INFER_METHOD));
            assertThat(context.getBean(ReactiveBatchClient.class)).isInstanceOf(AutoCloseable.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserReactiveClient {
        @Bean
        ReactiveBatchClient userReactive() {
            return ReactiveBatchClient.builder().endpoint(SIM.simulator().baseUrl())
                    .ticket(SIM.simulator().ticket()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBlockingClient {
        @Bean
        BatchClient userBlocking() {
            return BatchClient.builder().endpoint(SIM.simulator().baseUrl()).ticket(SIM.simulator().ticket()).build();
        }
    }
}
