package dev.sobatch.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.RetryPolicy;
import dev.sobatch.soap.SoapCodec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class SobatchPropertiesTests {

    private static final String TICKET = "7T:secret-ticket-value";
    private static final String TOKEN = "secret-application-token";
    private static final String PASSWORD = "secret-password";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SobatchAutoConfiguration.class));

    @Test
    void everyPropertyBindsWithRelaxedNamesAndUnits() {
        runner.withPropertyValues("sobatch.endpoint=http://127.0.0.1:9/Cust1/", "sobatch.ticket=" + TICKET,
                "sobatch.application-token=" + TOKEN, "sobatch.soap-version=1.2", "sobatch.deadline=45s",
                "sobatch.response-timeout=2s", "sobatch.connect-timeout=750ms", "sobatch.max-response-size=2MB",
                "sobatch.wire-logging=true", "sobatch.retry.max-attempts=5", "sobatch.retry.backoff-base=50ms",
                "sobatch.retry.backoff-cap=2s", "sobatch.retry.max-retry-after=10s",
                "sobatch.retry.allow-unsafe-resends=true", "sobatch.pool.max-connections=8",
                "sobatch.pool.acquire-timeout=3s", "sobatch.pool.max-idle-time=20s", "sobatch.pool.max-life-time=10m",
                "sobatch.pool.max-pending-acquires=500")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SobatchProperties p = context.getBean(SobatchProperties.class);
                    assertThat(p.getSoapVersion()).isEqualTo("1.2");
                    assertThat(p.getDeadline()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(p.getResponseTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(p.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(p.isWireLogging()).isTrue();
                    assertThat(p.getRetry().getMaxAttempts()).isEqualTo(5);
                    assertThat(p.getRetry().getBackoffBase()).isEqualTo(Duration.ofMillis(50));
                    assertThat(p.getRetry().getBackoffCap()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(p.getRetry().isAllowUnsafeResends()).isTrue();
                    assertThat(p.getPool().getMaxPendingAcquires()).isEqualTo(500);
                    assertThat(p.getPool().getMaxConnections()).isEqualTo(8);
                    assertThat(p.getPool().getAcquireTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(p.getPool().getMaxLifeTime()).isEqualTo(Duration.ofMinutes(10));

                    RetryPolicy policy = SobatchAutoConfiguration.retryPolicy(p.getRetry());
                    assertThat(policy.maxAttempts()).isEqualTo(5);
                    assertThat(policy.backoffBase()).isEqualTo(Duration.ofMillis(50));
                    assertThat(policy.backoffCap()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(policy.retryUnsafe()).isTrue();
                });
    }

    @Test
    void theDefaultsAreTheClientDefaults() {
        SobatchProperties p = new SobatchProperties();
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy fromProperties = SobatchAutoConfiguration.retryPolicy(p.getRetry());
        assertThat(fromProperties.maxAttempts()).isEqualTo(defaults.maxAttempts());
        assertThat(fromProperties.backoffBase()).isEqualTo(defaults.backoffBase());
        assertThat(fromProperties.backoffCap()).isEqualTo(defaults.backoffCap());
        assertThat(fromProperties.maxRetryAfter()).isEqualTo(defaults.maxRetryAfter());
        assertThat(fromProperties.retryUnsafe()).isEqualTo(defaults.retryUnsafe());
        assertThat(p.getMaxResponseSize().toBytes()).isEqualTo(SoapCodec.DEFAULT_MAX_INPUT_BYTES);
        assertThat(p.getSoapVersion()).isEqualTo("1.1");
        assertThat(p.getPool().getMaxConnections()).isEqualTo(64);
        assertThat(p.getPool().getAcquireTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.getPool().getMaxLifeTime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigurationMetadataDocumentsThePoolPropertiesWithTheirDefaults() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BasicJsonParser parser = new BasicJsonParser();
        Map<String, Map<String, Object>> properties = new HashMap<>();
        for (Object property : (List<Object>) parser.parseMap(json).get("properties")) {
            // the basic parser leaves list elements after the first unparsed when they start with white space
            Map<String, Object> p = property instanceof String text ? parser.parseMap(text.trim())
                    : (Map<String, Object>) property;
            properties.put((String) p.get("name"), p);
        }
        Map<String, Object> expectedDefaults = Map.of("sobatch.pool.max-connections", 64L,
                "sobatch.pool.acquire-timeout", "10s", "sobatch.pool.max-idle-time", "60s",
                "sobatch.pool.max-life-time", "5m", "sobatch.pool.max-pending-acquires", -1L);
        expectedDefaults.forEach((name, defaultValue) -> assertThat(properties.get(name)).as(name).isNotNull()
                .satisfies(p -> assertThat(p.get("description")).as(name).asString().isNotBlank())
                .satisfies(p -> assertThat(p.get("defaultValue")).as(name).isEqualTo(defaultValue)));
    }

    @Test
    void anOnlineEndpointWithoutAnApplicationTokenFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("sobatch.endpoint=https://online.superoffice.com/Cust12345/",
                "sobatch.ticket=" + TICKET).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(Failures.text(context.getStartupFailure()))
                            .contains("sobatch.application-token is required", "online.superoffice.com")
                            .doesNotContain(TICKET);
                });
    }

    @Test
    void anOnlineEndpointWithAnApplicationTokenStarts() {
        runner.withPropertyValues("sobatch.endpoint=https://sod.superoffice.com/Cust12345/",
                "sobatch.ticket=" + TICKET, "sobatch.application-token=" + TOKEN).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(dev.sobatch.reactive.ReactiveBatchClient.class).endpoint())
                            .hasToString("https://sod.superoffice.com/Cust12345/Remote/Services88/Batch.svc");
                });
    }

    @Test
    void aTicketAndCredentialsTogetherAreRejectedWithoutRevealingEither() {
        runner.withPropertyValues("sobatch.endpoint=http://127.0.0.1:9/", "sobatch.ticket=" + TICKET,
                "sobatch.username=alice", "sobatch.password=" + PASSWORD, "sobatch.application-token=" + TOKEN)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(Failures.text(context.getStartupFailure()))
                            .contains("sobatch.ticket", "sobatch.username")
                            .doesNotContain(TICKET, PASSWORD, TOKEN);
                });
    }

    @Test
    void aUsernameWithoutPasswordIsRejected() {
        runner.withPropertyValues("sobatch.endpoint=http://127.0.0.1:9/", "sobatch.username=alice")
                .run(context -> assertThat(Failures.text(context.getStartupFailure()))
                        .contains("sobatch.password is required when sobatch.username is set"));
    }

    @Test
    void aPasswordWithoutUsernameIsRejectedWithoutRevealingIt() {
        runner.withPropertyValues("sobatch.endpoint=http://127.0.0.1:9/", "sobatch.password=" + PASSWORD)
                .run(context -> assertThat(Failures.text(context.getStartupFailure()))
                        .contains("sobatch.username is required").doesNotContain(PASSWORD));
    }

    @Test
    void everyInvalidValueIsReportedByItsPropertyName() {
        runner.withPropertyValues("sobatch.endpoint=http://127.0.0.1:9/", "sobatch.ticket=" + TICKET,
                "sobatch.soap-version=1.3", "sobatch.deadline=0s", "sobatch.response-timeout=-1s",
                "sobatch.max-response-size=0B", "sobatch.retry.max-attempts=0", "sobatch.retry.backoff-base=2s",
                "sobatch.retry.backoff-cap=1s", "sobatch.pool.max-connections=0", "sobatch.pool.max-idle-time=0s",
                "sobatch.pool.max-life-time=-1s", "sobatch.pool.max-pending-acquires=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(Failures.text(context.getStartupFailure())).contains(
                            "sobatch.soap-version must be 1.1 or 1.2", "sobatch.deadline must be a positive duration",
                            "sobatch.response-timeout", "sobatch.max-response-size", "sobatch.retry.max-attempts",
                            "sobatch.retry.backoff-cap (PT1S) must not be below sobatch.retry.backoff-base",
                            "sobatch.pool.max-connections", "sobatch.pool.max-idle-time must be a positive duration",
                            "sobatch.pool.max-life-time must be a positive duration",
                            "sobatch.pool.max-pending-acquires must be at least 1, or -1 for no limit, was 0")
                            .doesNotContain(TICKET);
                });
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRejected() {
        runner.withPropertyValues("sobatch.endpoint=ftp://example.test/", "sobatch.ticket=" + TICKET)
                .run(context -> assertThat(Failures.text(context.getStartupFailure()))
                        .contains("sobatch.endpoint must be an http or https URL"));
    }

    @Test
    void anEndpointWithCredentialsInItIsRejectedWithoutEchoingThem() {
        runner.withPropertyValues("sobatch.endpoint=https://alice:" + PASSWORD + "@example.test/Cust1/",
                "sobatch.ticket=" + TICKET).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(Failures.text(context.getStartupFailure()))
                            .contains("sobatch.endpoint must not carry user info").doesNotContain(PASSWORD);
                });
    }
}
