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
    @Test
    void contendedDecodesOnParallelThreadsNeverPark() {
        Seed request = Envelopes.requests().get(0);
        Seed response = Envelopes.responses().get(1);
        Long decoded = Flux.range(0, 100_000)
                .parallel(8).runOn(Schedulers.parallel())
                .map(i -> i % 2 == 0 ? SoapCodec.defaults().decodeRequest(new java.io.ByteArrayInputStream(request.bytes()))
                        : SoapCodec.defaults().decodeResponse(response.operation(), response.bytes()))
                .sequential().onErrorResume(e -> Flux.empty()).count().block(Duration.ofMinutes(2));
        assertThat(Guards.blockingCalls()).as("blocking calls while decoding on parallel threads").isEmpty();
        assertThat(decoded).isEqualTo(100_000L);
    }
}
