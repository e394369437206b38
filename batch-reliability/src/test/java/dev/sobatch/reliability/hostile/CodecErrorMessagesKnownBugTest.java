package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.support.Guards;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first request in a JVM with an unexpected child element makes JAXB initialise its
 * {@code unmarshaller.Messages} class, which loads a resource bundle from the jaxb-runtime jar: a blocking
 * read, on the event loop where the simulator (or the client) decodes. Under BlockHound the class
 * initialisation fails, so every later such decode in the JVM throws NoClassDefFoundError and the
 * connection is dropped without an answer. Only a JVM in which no such decode ran before shows it, as the
 * {@code -Pknown-bugs} run is; the default run warms the codec up instead (SimulatorHttpPropertiesTest).
 */
@Tag("known-bug")
class CodecErrorMessagesKnownBugTest {
    @Test
    void firstUnexpectedElementDecodedOnANonBlockingThreadDoesNotBlock() {
        int before = Guards.blockingCalls().size();
        String request = new String(Envelopes.requests().get(0).bytes(), StandardCharsets.UTF_8)
                .replace("<Name>", "<Unexpected/><Name>");
        // LinkageErrors (the failed class initialisation) are fatal to Reactor and would never reach block()
        Object outcome = Mono.fromCallable(() -> {
            try {
                return (Object) SoapCodec.defaults()
                        .decodeRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));
            } catch (SoapDecodingException e) {
                return e;
            } catch (Throwable t) {
                return t.toString();
            }
        }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
        assertThat(Guards.blockingCalls().subList(before, Guards.blockingCalls().size())).as("blocking calls while decoding on a parallel thread").isEmpty();
        assertThat(outcome).as("documented outcome").isNotInstanceOf(String.class);
    }
}
