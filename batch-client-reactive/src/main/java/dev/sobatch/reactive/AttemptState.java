package dev.sobatch.reactive;

/** How far one attempt got: whether the service may have received its request decides how it may be retried. */
final class AttemptState {
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
