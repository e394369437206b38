package dev.sobatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
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
    void aTestWhoseBlockingCallWasSwallowedFailsAfterwards() {
        TestExecutionSummary summary = run(SwallowsABlockingCall.class);

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 blocking call(s) on non-blocking threads")
                .hasMessageContaining("java.lang.Thread.sleep on parallel-")
                .hasMessageContaining(SwallowsABlockingCall.class.getName()));
        assertThat(BlockHoundExtension.recordedCalls()).as("reported, not provoked: kept in the history")
                .anySatisfy(call -> assertThat(call).contains(SwallowsABlockingCall.class.getName()));
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
        assertThat(BlockHoundExtension.recordedCalls()).as("provoked on purpose: not in the history")
                .noneMatch(calls::contains);
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

    @Test
    void theProbeSeesBlockHoundActive() {
        assertThat(BlockHoundExtension.detectsBlocking()).isTrue();
    }

    static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build(), listener);
        return listener.getSummary();
    }

    /** Run only by {@link #aTestWhoseBlockingCallWasSwallowedFailsAfterwards} (surefire skips nested classes). */
    static class SwallowsABlockingCall {
        @Test
        void sleepsOnAParallelThreadAndSwallowsTheError() {
            Mono.fromCallable(() -> {
                Thread.sleep(1); // a frame of this class on the parallel thread, so the report names it
                return "slept";
            }).subscribeOn(Schedulers.parallel()).onErrorReturn("swallowed").block(HANG);
        }
    }
}
