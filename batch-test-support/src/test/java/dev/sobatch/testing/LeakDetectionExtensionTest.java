package dev.sobatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Registered for this module's tests by src/test/resources/META-INF/services (it is opt-in). */
class LeakDetectionExtensionTest {

    @Test
    void anUnreleasedBufferIsReportedAsALeak() {
        assertThat(LeakDetectionExtension.leaksDuring(LeakDetectionExtensionTest::leakOne))
                .anySatisfy(leak -> assertThat(leak).startsWith("LEAK: ByteBuf").contains("leakOne"));
        assertThat(LeakDetectionExtension.recordedLeaks()).as("provoked on purpose: not in the history")
                .noneMatch(leak -> leak.contains("LeakDetectionExtensionTest.leakOne"));
    }

    @Test
    void aReleasedBufferIsNotALeak() {
        assertThat(LeakDetectionExtension.leaksDuring(() -> ByteBufAllocator.DEFAULT.buffer(128).writeInt(42)
                .release())).isEmpty();
    }

    @Test
    void aTestThatLeaksABufferFailsAfterwards() {
        TestExecutionSummary summary = BlockHoundExtensionTest.run(LeaksABuffer.class);

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(AssertionError.class).hasMessageContaining("Netty LEAK report(s)")
                .hasMessageContaining("LeaksABuffer"));
    }

    private static void leakOne() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(128);
        buf.writeInt(42);
        // dropped without release on purpose
    }

    /** Run only by {@link #aTestThatLeaksABufferFailsAfterwards} (surefire skips nested classes). */
    static class LeaksABuffer {
        @Test
        void dropsABufferWithoutReleasingIt() {
            ByteBufAllocator.DEFAULT.buffer(64).writeLong(7);
        }
    }
}
