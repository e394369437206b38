package dev.sobatch.reactive;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Collects a response body chunk by chunk into a heap array, refusing to grow past a limit. Chunks are
 * copied, not retained, so the inbound {@link ByteBuf}s stay owned (and released once) by Reactor Netty,
 * on success, error and cancellation alike.
 */
final class BodyAccumulator {
    /** Thrown (and turned into a response error) when the body outgrows the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLarge(long limit) {
            super("response body larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }
    }

    private static final byte[] NONE = new byte[0];

    private final long limit;
    private final long declared;
    private byte[] bytes = NONE;
    private int size;

    /**
     * @param declared the response's Content-Length, or -1: when known (and within the limit) the body is
     *        copied once into an array of exactly that size, which {@link #toByteArray()} then returns as is
     */
    BodyAccumulator(long limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    BodyAccumulator append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if ((long) size + n > limit) {
            throw new TooLarge(limit);
        }
        if (size + n > bytes.length) {
            int exact = size == 0 && declared >= n && declared <= Math.min(limit, Integer.MAX_VALUE - 8)
                    ? (int) declared : -1;
            bytes = exact >= 0 ? new byte[exact]
                    : Arrays.copyOf(bytes, Math.max(size + n, Math.max(1024, bytes.length * 2)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, n);
        size += n;
        return this;
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
