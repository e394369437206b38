package dev.sobatch.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.testing.BlockHoundExtension;
import dev.sobatch.testing.LeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This module's wiring of the shared guards works: installed early by {@link Guards}, they see a blocking
 * call and a leak here (batch-test-support's own tests prove that a test fails on either).
 */
class GuardsSelfTest {
    @Test
    void blockingCallOnAParallelThreadIsDetected() {
        assertThat(BlockHoundExtension.blockingCallsDuring(() -> {
            String outcome = Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "slept";
            }).subscribeOn(Schedulers.parallel())
                    .onErrorResume(BlockingOperationError.class, e -> Mono.just("refused"))
                    .block(Duration.ofSeconds(10));
            assertThat(outcome).isEqualTo("refused");
        })).anySatisfy(call -> assertThat(call).contains("sleep"));
    }

    @Test
    void unreleasedBufferIsReportedAsALeak() {
        assertThat(LeakDetectionExtension.leaksDuring(GuardsSelfTest::leakOne))
                .anySatisfy(leak -> assertThat(leak).startsWith("LEAK"));
    }

    private static void leakOne() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(128);
        buf.writeInt(42);
        // dropped without release on purpose
    }
}
