package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.hostile.Envelopes.Seed;
import dev.sobatch.reliability.support.Guards;
import dev.sobatch.soap.SoapCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The client decodes responses, and the simulator requests, on Netty event loops; so the codec must never
 * park a thread, even when many decodes contend for its pooled readers and unmarshallers.
 */
class CodecOnNonBlockingThreadsTest {
    /** Enough for eight threads to contend on the pools for seconds; 100,000 found nothing more (2026-11-30). */
    private static final long DECODES = 20_000;

    @Test
    void contendedDecodesOnParallelThreadsNeverPark() {
        Seed request = Envelopes.requests().get(0);
        Seed response = Envelopes.responses().get(1);
        int before = Guards.blockingCalls().size();
        Long decoded = Flux.range(0, (int) DECODES)
                .parallel(8).runOn(Schedulers.parallel())
                .map(i -> i % 2 == 0 ? SoapCodec.defaults().decodeRequest(new java.io.ByteArrayInputStream(request.bytes()))
                        : SoapCodec.defaults().decodeResponse(response.operation(), response.bytes()))
                .sequential().onErrorResume(e -> Flux.empty()).count().block(Duration.ofMinutes(2));
        assertThat(Guards.blockingCalls().subList(before, Guards.blockingCalls().size()))
                .as("blocking calls while decoding on parallel threads").isEmpty();
        assertThat(decoded).isEqualTo(DECODES);
    }
}
