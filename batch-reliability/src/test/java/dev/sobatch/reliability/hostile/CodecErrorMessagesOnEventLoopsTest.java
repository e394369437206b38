package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.reliability.support.Guards;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Regression guard: the first request in a JVM with an unexpected child element made JAXB initialise its
 * {@code unmarshaller.Messages} class, which loads a resource bundle from the jaxb-runtime jar: a blocking
 * read, on the event loop where the simulator (or the client) decodes. Under BlockHound the class
 * initialisation failed for good. The codec now provokes every kind of report once when it is first used
 * (SoapCodec's warm-up). The test is sharpest as the first decode of its JVM
 * ({@code mvn -pl batch-reliability verify -Dtest=CodecErrorMessagesOnEventLoopsTest}).
 */
class CodecErrorMessagesOnEventLoopsTest {
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
