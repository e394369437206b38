package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.hostile.Envelopes.Seed;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapRequest;
import java.util.List;
import net.jqwik.api.Example;

/**
 * What a server sees: {@link SoapCodec#decodeRequest} fed mutated requests carrying a ticket and an
 * application token, which no error message and no {@code toString()} may repeat.
 */
class HostileRequestPropertiesTest extends HostileDecodeProperties {
    @Override
    List<Seed> seedList() {
        return Envelopes.requests();
    }

    @Override
    Object decode(SoapCodec codec, BatchOperation operation, byte[] input) {
        return DecodeOutcome.request(codec, input);
    }

    @Example
    void everySeedDecodesToItsOperationWithItsSecrets() {
        assertThat(seedList()).hasSizeGreaterThanOrEqualTo(9);
        for (Seed seed : seedList()) {
            Object outcome = decode(CODEC, seed.operation(), seed.bytes());
            assertThat(outcome).as(seed.label()).isInstanceOfSatisfying(SoapRequest.class, request -> {
                assertThat(request.operation()).isEqualTo(seed.operation());
                assertThat(request.headers().ticket()).isEqualTo(Envelopes.TICKET);
                assertThat(request.headers().applicationToken()).isEqualTo(Envelopes.APP_TOKEN);
            });
        }
    }
}
