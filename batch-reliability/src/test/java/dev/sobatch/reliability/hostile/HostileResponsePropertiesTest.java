package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.hostile.Envelopes.Seed;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapResponse;
import java.util.List;
import net.jqwik.api.Example;

/** What a client sees: {@link SoapCodec#decodeResponse} fed mutated responses of three operations. */
class HostileResponsePropertiesTest extends HostileDecodeProperties {
    @Override
    List<Seed> seedList() {
        return Envelopes.responses();
    }

    @Override
    Object decode(SoapCodec codec, BatchOperation operation, byte[] input) {
        return DecodeOutcome.response(codec, operation, input);
    }

    @Example
    void everySeedDecodesToItsOperationsPayloadOrFault() {
        assertThat(seedList()).hasSizeGreaterThanOrEqualTo(16);
        for (Seed seed : seedList()) {
            Object outcome = decode(CODEC, seed.operation(), seed.bytes());
            assertThat(outcome).as(seed.label()).isInstanceOf(SoapResponse.class);
            assertThat(((SoapResponse) outcome).isFault()).as(seed.label()).isEqualTo(seed.label().contains("fault"));
        }
    }
}
