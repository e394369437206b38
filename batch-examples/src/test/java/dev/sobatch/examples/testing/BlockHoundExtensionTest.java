package dev.sobatch.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

class BlockHoundExtensionTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    private static final Callable<String> SLEEP = () -> {
        Thread.sleep(1);
        return "slept";
    };

    @Test
    void everyTestIsGuardedThroughAutoDetection() {
        assertThat(BlockHoundExtension.guardedTest()).contains("everyTestIsGuardedThroughAutoDetection");
    }

    @Test
    void aBlockingCallOnAParallelThreadFailsWhereItHappensAndIsRecordedEvenWhenSwallowed() {
        List<String> calls = BlockHoundExtension.blockingCallsDuring(() -> {
            assertThatThrownBy(() -> Mono.fromCallable(SLEEP).subscribeOn(Schedulers.parallel()).block(HANG))
                    .hasRootCauseInstanceOf(BlockingOperationError.class);
            assertThat(Mono.fromCallable(SLEEP).subscribeOn(Schedulers.parallel()).onErrorReturn("swallowed")
                    .block(HANG)).isEqualTo("swallowed");
        });

        assertThat(calls).hasSize(2).allSatisfy(call -> assertThat(call)
                .startsWith("java.lang.Thread.sleep").contains(" on parallel-").contains(getClass().getName()));
    }

    @Test
    void aBlockingCallOnANettyEventLoopIsReported() {
        LoopResources loops = LoopResources.create("bh-probe", 1, true);
        List<String> calls;
        try {
            EventLoop loop = loops.onServer(false).next();
            calls = BlockHoundExtension.blockingCallsDuring(() ->
                    assertThatThrownBy(() -> loop.submit(SLEEP).get(HANG.toMillis(), TimeUnit.MILLISECONDS))
                            .hasRootCauseInstanceOf(BlockingOperationError.class));
        } finally {
            loops.disposeLater(Duration.ZERO, HANG).block(HANG);
        }
        assertThat(calls).singleElement().asString().startsWith("java.lang.Thread.sleep").contains(" on bh-probe-");
    }

    @Test
    void aCallAllowedOffTheNonBlockingThreadsIsNotReported() {
        assertThat(BlockHoundExtension.blockingCallsDuring(() -> assertThat(Mono.fromCallable(SLEEP)
                .subscribeOn(Schedulers.boundedElastic()).block(HANG)).isEqualTo("slept"))).isEmpty();
    }
}
