package dev.sobatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a client JVM: where the CPU samples and the allocated bytes go, grouped
 * by package area (Netty, Reactor, JAXB, StAX, sobatch client/codec, ...) and by the top frames.
 *
 * <pre>JfrSummary recording.jfr [topN] [skipSeconds]</pre>
 *
 * Events of the first {@code skipSeconds} (default 0) are left out, so that start-up and warm-up do not
 * count; JFR's own threads never count.
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long skipNanos = args.length > 2 ? (long) (Double.parseDouble(args[2]) * 1e9) : 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        java.time.Instant first = events.stream().map(RecordedEvent::getStartTime).min(java.util.Comparator.naturalOrder())
                .orElse(java.time.Instant.EPOCH);
        java.time.Instant from = first.plusNanos(skipNanos);
        Map<String, Double> cpuArea = new HashMap<>();
        Map<String, Double> cpuFrame = new HashMap<>();
        Map<String, Double> allocArea = new HashMap<>();
        Map<String, Double> allocSite = new HashMap<>();
        double cpuTotal = 0;
        double allocTotal = 0;
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty() || e.getStartTime().isBefore(from)) {
                continue;
            }
            if (e.getThread() != null && e.getThread().getJavaName() != null
                    && e.getThread().getJavaName().startsWith("JFR")) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                if (!e.getThread("sampledThread").getJavaName().startsWith("reactor-http")
                        && !e.getThread("sampledThread").getJavaName().startsWith("load-")) {
                    continue;
                }
                cpuTotal++;
                cpuArea.merge(area(st), 1.0, Double::sum);
                cpuFrame.merge(frame(st.getFrames().get(0)), 1.0, Double::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                double w = e.getLong("weight");
                allocTotal += w;
                allocArea.merge(area(st), w, Double::sum);
                allocSite.merge(e.getClass("objectClass").getName() + " <- " + site(st), w, Double::sum);
            }
        }
        print("CPU samples on client I/O and load threads by area (first frame with a known area)", cpuArea,
                cpuTotal, top);
        print("CPU samples by top frame", cpuFrame, cpuTotal, top);
        print("Allocated bytes by area", allocArea, allocTotal, top);
        print("Allocated bytes by class and first non-JDK frame", allocSite, allocTotal, top);
    }

    private static void print(String title, Map<String, Double> map, double total, int top) {
        System.out.println("### " + title + "\n");
        List<Map.Entry<String, Double>> entries = new ArrayList<>(map.entrySet());
        entries.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int i = 0; i < Math.min(top, entries.size()); i++) {
            System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100 * entries.get(i).getValue() / total,
                    entries.get(i).getKey());
        }
        System.out.println();
    }

    private static final String[][] AREAS = {
        {"dev.sobatch.soap.", "sobatch codec"},
        {"dev.sobatch.model.", "sobatch model"},
        {"dev.sobatch.reactive.", "sobatch reactive client"},
        {"dev.sobatch.client.", "sobatch client common"},
        {"dev.sobatch.blocking.", "sobatch blocking client"},
        {"dev.sobatch.bench.", "benchmark harness"},
        {"org.glassfish.jaxb.", "JAXB runtime"},
        {"com.sun.xml.internal.stream.", "JDK StAX"},
        {"com.sun.org.apache.xerces.", "JDK StAX"},
        {"com.fasterxml.aalto.", "Aalto StAX"},
        {"com.ctc.wstx.", "Woodstox StAX"},
        {"reactor.netty.", "Reactor Netty"},
        {"reactor.core.", "Reactor Core"},
        {"reactor.util.", "Reactor Core"},
        {"io.netty.", "Netty"},
        {"io.micrometer.", "Micrometer"},
        {"org.apache.cxf.", "CXF"},
    };

    /** The area of the innermost frame that belongs to a known library. */
    private static String area(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            for (String[] a : AREAS) {
                if (type.startsWith(a[0])) {
                    return a[1];
                }
            }
        }
        return "JDK / other";
    }

    private static String site(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return frame(f);
            }
        }
        return frame(st.getFrames().get(0));
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }
}
