package dev.sobatch.client;

/** Bounded, single-line excerpts of text that may come from the wire. */
final class Excerpts {
    static final int MAX_EXCERPT = 512;

    private Excerpts() {
    }

    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
