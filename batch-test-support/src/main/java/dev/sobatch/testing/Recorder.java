package dev.sobatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a guard saw, in order. Append-only, so that a mark (an index) taken by one test stays valid while
 * concurrent tests record and report; each entry is claimed once, by the first scope (test, class, or
 * self-test) that checks it, so that a problem fails one scope rather than every enclosing one.
 */
final class Recorder {
    private static final int OPEN = 0;
    private static final int REPORTED = 1;
    private static final int PROVOKED = 2;

    private record Entry(String text, AtomicInteger state) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void record(String text) {
        entries.add(new Entry(text, new AtomicInteger(OPEN)));
    }

    int mark() {
        return entries.size();
    }

    /** The unclaimed entries since {@code mark}, now claimed as reported. */
    List<String> claimSince(int mark) {
        return claim(mark, REPORTED);
    }

    /** The unclaimed entries since {@code mark}, now claimed as provoked on purpose (left out of the history). */
    List<String> provokedSince(int mark) {
        return claim(mark, PROVOKED);
    }

    /** Every entry so far except those a self-test provoked on purpose. */
    List<String> history() {
        List<String> texts = new ArrayList<>();
        for (Entry e : entries) {
            if (e.state().get() != PROVOKED) {
                texts.add(e.text());
            }
        }
        return List.copyOf(texts);
    }

    private List<String> claim(int mark, int as) {
        List<Entry> snapshot = List.copyOf(entries);
        List<String> claimed = new ArrayList<>();
        for (int i = Math.min(mark, snapshot.size()); i < snapshot.size(); i++) {
            Entry e = snapshot.get(i);
            if (e.state().compareAndSet(OPEN, as)) {
                claimed.add(e.text());
            }
        }
        return List.copyOf(claimed);
    }

    static String describe(String what, List<String> found) {
        StringBuilder sb = new StringBuilder().append(found.size()).append(' ').append(what).append(':');
        for (String f : found) {
            sb.append("\n- ").append(f);
        }
        return sb.toString();
    }
}
