package dev.sobatch.spring.boot;

import java.util.IdentityHashMap;
import java.util.Map;

/** Test helper: the text a developer sees for a start-up failure (every cause's type and message). */
final class Failures {

    private Failures() {
    }

    static String text(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
