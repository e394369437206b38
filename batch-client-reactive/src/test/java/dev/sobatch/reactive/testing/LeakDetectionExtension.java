package dev.sobatch.reactive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran. Leaks are only found once a leaked
 * buffer is garbage-collected and a later allocation polls the detector, so after the class this collects
 * garbage and allocates a few buffers before asserting.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel()).as("surefire sets PARANOID leak detection")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        PooledByteBufAllocator.DEFAULT.buffer(1).release();
        assertThat(RecordingLeakDetector.CREATED.get()).as("RecordingLeakDetector is Netty's leak detector").isPositive();
        RecordingLeakDetector.LEAKS.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            for (int j = 0; j < 8; j++) {
                ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(16);
                ByteBuf b = UnpooledByteBufAllocator.DEFAULT.buffer(16);
                a.release();
                b.release();
            }
        }
        assertThat(RecordingLeakDetector.LEAKS).as("Netty LEAK reports").isEmpty();
    }
}
