package dev.sobatch.model;

import java.util.Optional;

/**
 * State of a batch task, spelled as the service spells it on the wire ({@code Aquired} included).
 */
public enum BatchTaskState {
    UNKNOWN("Unknown"),
    NEW("New"),
    AQUIRED("Aquired"),
    STARTED("Started"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    SUCCEEDED_MANUAL_CLEANUP("SucceededManualCleanup"),
    /** Query filter meaning "every state"; a task is never in this state. */
    ALL("All");

    private final String wireName;

    BatchTaskState(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in XML, e.g. {@code SucceededManualCleanup}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a task in this state will not change any more by itself. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == SUCCEEDED_MANUAL_CLEANUP;
    }

    /**
     * Finds the constant for a wire value or for a constant name, ignoring case.
     *
     * @return empty when this version of the SDK does not know the value
     */
    public static Optional<BatchTaskState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (BatchTaskState s : values()) {
            if (s.wireName.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse(String)} but maps an unknown or missing value to {@link #UNKNOWN}. */
    public static BatchTaskState fromWire(String text) {
        return parse(text).orElse(UNKNOWN);
    }
}
