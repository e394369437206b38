package dev.sobatch.reliability.support;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every place a secret could surface (logs, exceptions, meters, observations) as text. */
public final class SecretScan {
    /** Distinctive secrets, so that a hit cannot be a coincidence. */
    public static final String TICKET = "7T:FaultMatrixTicketQm9vZ2xl==";
    public static final String APP_TOKEN = "AppToken-FaultMatrix-41c7e";
    public static final String PASSWORD = "Pa55w0rd-FaultMatrix!";

    private SecretScan() {
    }

    /** The file slf4j-simple writes to (set by the build), or null when logging goes elsewhere. */
    public static Path logFile() {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        return file == null || file.startsWith("System.") ? null : Path.of(file);
    }

    public static String log() {
        Path file = logFile();
        try {
            return file != null && Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Message, toString and every cause's, of an exception. */
    public static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t).append('\n').append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                sb.append(describe(s));
            }
        }
        return sb.toString();
    }

    public static String meters(MeterRegistry registry) {
        StringBuilder sb = new StringBuilder();
        for (Meter m : registry.getMeters()) {
            sb.append(m.getId().getName());
            for (Tag t : m.getId().getTags()) {
                sb.append(' ').append(t.getKey()).append('=').append(t.getValue());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** An observation handler that keeps the text of every context it saw stop. */
    public static final class ObservationText implements ObservationHandler<Observation.Context> {
        private final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            List<String> parts = new ArrayList<>();
            parts.add(context.getName());
            parts.add(String.valueOf(context.getContextualName()));
            context.getLowCardinalityKeyValues().forEach(kv -> parts.add(kv.getKey() + "=" + kv.getValue()));
            context.getHighCardinalityKeyValues().forEach(kv -> parts.add(kv.getKey() + "=" + kv.getValue()));
            if (context.getError() != null) {
                parts.add(describe(context.getError()));
            }
            texts.add(String.join(" ", parts));
        }

        public String text() {
            return String.join("\n", texts);
        }

        public int count() {
            return texts.size();
        }
    }

    /** Fails when any of the secrets occurs in {@code text}. */
    public static void assertClean(String where, String text) {
        for (String secret : List.of(TICKET, APP_TOKEN, PASSWORD, "FaultMatrixTicket", "FaultMatrix!")) {
            if (text.contains(secret)) {
                int at = text.indexOf(secret);
                throw new AssertionError("secret found in " + where + ": ..."
                        + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100)) + "...");
            }
        }
    }
}
