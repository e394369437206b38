package dev.sobatch.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The guards the other tests rely on do detect what they claim to detect. */
class GuardsSelfTest {
    @Test
    void blockingCallOnAParallelThreadIsDetected() {
        String outcome = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(Schedulers.parallel())
                .onErrorResume(BlockingOperationError.class, e -> Mono.just("refused"))
                .block(Duration.ofSeconds(10));
        assertThat(outcome).isEqualTo("refused");
        assertThat(Guards.blockingCalls()).anySatisfy(call -> assertThat(call).contains("sleep"));
        Guards.reset();
    }

    @Test
    void unreleasedBufferIsReportedAsALeak() {
        leakOne();
        assertThat(Guards.collectLeaks()).anySatisfy(leak -> assertThat(leak).startsWith("LEAK"));
        Guards.reset();
    }

    private static void leakOne() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(128);
        buf.writeInt(42);
        // dropped without release on purpose
    }
}
