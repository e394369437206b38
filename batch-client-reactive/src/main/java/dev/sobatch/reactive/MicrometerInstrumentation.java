package dev.sobatch.reactive;

import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapVersion;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The only class that touches Micrometer. Observations ({@code sobatch.client.requests}) when an
 * {@link ObservationRegistry} is given; otherwise a {@link Timer} of the same name and tags on the
 * {@link MeterRegistry}. Counters go to the meter registry. Tags never carry ids, names, tickets or paths.
 */
final class MicrometerInstrumentation implements Instrumentation {
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final String host;
    private final String soapVersion;
    private final Map<MeterKey, Meter> cache = new ConcurrentHashMap<>();

    private MicrometerInstrumentation(MeterRegistry meters, ObservationRegistry observations, String host,
            SoapVersion version) {
        this.meters = meters;
        this.observations = observations;
        this.host = host;
        this.soapVersion = version.label();
    }

    static Instrumentation create(Object meterRegistry, Object observationRegistry, String host, SoapVersion version) {
        return new MicrometerInstrumentation((MeterRegistry) meterRegistry, (ObservationRegistry) observationRegistry,
                host, version);
    }

    @Override
    public <T> Mono<T> observe(SoapOperation op, Mono<T> call) {
        if (observations != null && !observations.isNoop()) {
            return observed(op, call);
        }
        if (meters != null) {
            return timed(op, call);
        }
        return call;
    }

    private <T> Mono<T> observed(SoapOperation op, Mono<T> call) {
        return Mono.defer(() -> {
            Observation observation = Observation.createNotStarted(REQUESTS, observations)
                    .contextualName("sobatch " + op.operationName())
                    .lowCardinalityKeyValue("operation", op.operationName())
                    .lowCardinalityKeyValue("soap.version", soapVersion)
                    .highCardinalityKeyValue("endpoint.host", host)
                    .start();
            AtomicReference<Throwable> error = new AtomicReference<>();
            return call
                    .doOnError(error::set)
                    .doFinally(signal -> {
                        Throwable e = error.get();
                        observation.lowCardinalityKeyValues(KeyValues.of(
                                "outcome", outcome(signal, e),
                                "error", e == null ? "none" : e.getClass().getSimpleName()));
                        if (e != null) {
                            observation.error(e);
                        }
                        observation.stop();
                    })
                    .contextWrite(ctx -> ctx.put(ObservationRegistryKey.OBSERVATION_KEY, observation));
        });
    }

    private <T> Mono<T> timed(SoapOperation op, Mono<T> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            AtomicReference<Throwable> error = new AtomicReference<>();
            return call
                    .doOnError(error::set)
                    .doFinally(signal -> {
                        Throwable e = error.get();
                        sample.stop(timer(op, outcome(signal, e), e == null ? null : e.getClass()));
                    });
        });
    }

    /** Timers and counters are looked up once per tag combination, not built and registered per call. */
    private record MeterKey(String name, SoapOperation op, String tag, Class<?> error) {
    }

    private Timer timer(SoapOperation op, String outcome, Class<?> error) {
        return (Timer) cache.computeIfAbsent(new MeterKey(REQUESTS, op, outcome, error), k -> Timer.builder(REQUESTS)
                .description("Logical calls to Batch.svc, retries included")
                .tags(Tags.of("operation", op.operationName(), "soap.version", soapVersion, "outcome", outcome,
                        "error", error == null ? "none" : error.getSimpleName()))
                .register(meters));
    }

    private static String outcome(SignalType signal, Throwable e) {
        return signal == SignalType.CANCEL ? "CANCELLED" : Instrumentation.outcome(e);
    }

    @Override
    public void attempt(SoapOperation op, String reason) {
        if (meters != null) {
            ((Counter) cache.computeIfAbsent(new MeterKey(ATTEMPTS, op, reason, null), k -> Counter.builder(ATTEMPTS)
                    .description("HTTP attempts, by why they were made")
                    .tags("operation", op.operationName(), "reason", reason).register(meters))).increment();
        }
    }

    @Override
    public void retryRefused(SoapOperation op) {
        if (meters != null) {
            ((Counter) cache.computeIfAbsent(new MeterKey(RETRIES_REFUSED, op, null, null), k -> Counter
                    .builder(RETRIES_REFUSED).description("Retries the retry budget refused")
                    .tags("operation", op.operationName()).register(meters))).increment();
        }
    }

    /** Context key Micrometer's Reactor integration uses for the current observation. */
    static final class ObservationRegistryKey {
        static final String OBSERVATION_KEY = "micrometer.observation";

        private ObservationRegistryKey() {
        }
    }
}
