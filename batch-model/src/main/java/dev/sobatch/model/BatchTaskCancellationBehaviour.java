package dev.sobatch.model;

import java.util.Optional;

/** How a running batch task reacts to StopBatchJob. Newer servers only; older ones omit it. */
public enum BatchTaskCancellationBehaviour {
    CAN_CANCEL("CanCancel"),
    CANCEL_WITH_WARNING("CancelWithWarning"),
    CANNOT_CANCEL("CannotCancel");

    private final String wireName;

    BatchTaskCancellationBehaviour(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in XML. */
    public String wireName() {
        return wireName;
    }

    /** Finds the constant for a wire value or constant name, ignoring case; empty when unknown. */
    public static Optional<BatchTaskCancellationBehaviour> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (BatchTaskCancellationBehaviour b : values()) {
            if (b.wireName.equalsIgnoreCase(t) || b.name().equalsIgnoreCase(t)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
