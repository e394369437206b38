package dev.sobatch.reactive;

/** What a failed attempt tells about re-sending its request. */
enum RetryClass {
    /** The request certainly did not reach the service: safe to re-send for every operation. */
    NOT_SENT("not_sent"),
    /** The request may have been processed: re-sent only for idempotent operations (or when opted in). */
    UNKNOWN_OUTCOME("unknown_outcome"),
    /** The service asked to come back later (429, 503): it did not process the request. */
    THROTTLED("throttled"),
    /** The service refused the request, or answered something unreadable: re-sending will not help. */
    NEVER("never");

    private final String reason;

    RetryClass(String reason) {
        this.reason = reason;
    }

    /** The {@code reason} tag of the attempt made after a failure of this class. */
    String reason() {
        return reason;
    }
}
