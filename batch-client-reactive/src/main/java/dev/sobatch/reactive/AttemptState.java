package dev.sobatch.reactive;

/**
 * What Reactor Netty's request lifecycle told about one attempt. Travels in the subscriber context so that
 * the client-wide lifecycle callbacks can reach the attempt they belong to.
 */
final class AttemptState {
    static final Class<AttemptState> KEY = AttemptState.class;

    private volatile boolean connected;
    private volatile boolean written;

    /** A connection was acquired and the request is about to be sent. */
    void markConnected() {
        connected = true;
    }

    /** The whole request was handed to the network: the service may act on it. */
    void markWritten() {
        written = true;
    }

    boolean connected() {
        return connected;
    }

    boolean written() {
        return written;
    }
}
