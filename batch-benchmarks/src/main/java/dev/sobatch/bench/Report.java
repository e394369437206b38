package dev.sobatch.bench;

import dev.sobatch.bench.EndToEnd.Cell;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders the end-to-end cells as Markdown: medians over rounds, ratios to (a) paired by round. */
final class Report {
    private static final String[][] CONTENDERS = {
        {"raw", "(a) Reactor Netty, pre-encoded bytes"},
        {"sdk-reactive", "(b) ReactiveBatchClient"},
        {"sdk-blocking", "(c) BatchClient (threads)"},
        {"cxf-httpclient", "(d) CXF 4.1, default java.net.http conduit"},
        {"cxf-urlconnection", "(d) CXF 4.1, HttpURLConnection conduit"},
        {"jaxb-baseline", "(e) Reactor Netty + whole-envelope JAXB"},
    };

    private Report() {
    }

    static String render(List<Cell> cells, String rounds, double seconds, String args, String warmup,
            String firstWarmup, String measure) {
        Map<String, List<Cell>> byKey = EndToEnd.byKey(cells);
        StringBuilder sb = new StringBuilder();
        sb.append("# sobatch end-to-end benchmark\n\n");
        sb.append("- date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" UTC\n");
        sb.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.vm.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append(String.format(Locale.ROOT, "- %s, contenders rotated per round; each client JVM first warmed up "
                + "at 64 calls in flight for %2$s s, then per level %3$s s warm-up and %4$s s measured; medians over rounds; ratios are to (a) of the "
                + "same round and level; run took %5$.0f s%n", rounds, firstWarmup, warmup, measure, seconds));
        sb.append("- load average at the end (other processes on this machine disturb the figures): ")
                .append(loadAverage()).append('\n');
        sb.append("- arguments: `").append(args.isEmpty() ? "(none)" : args).append("`\n\n");

        for (int level : new int[] {64, 1}) {
            sb.append("## StartBatchJob, ").append(level).append(" call(s) in flight\n\n");
            sb.append("| contender | calls/s | × (a) | p50 µs | × (a) | p99 µs | × (a) | KiB/call | × (a) "
                    + "| CPU µs/call | × (a) |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String[] c : CONTENDERS) {
                List<Cell> row = byKey.get(c[0] + "/" + level + "/0");
                if (row == null) {
                    continue;
                }
                List<Cell> base = byKey.get("raw/" + level + "/0");
                sb.append("| ").append(c[1]);
                cols(sb, row, base, Cell::callsPerSecond, "%.0f");
                cols(sb, row, base, Cell::p50, "%.0f");
                cols(sb, row, base, Cell::p99, "%.0f");
                cols(sb, row, base, x -> x.bytesPerCall() / 1024, "%.1f");
                cols(sb, row, base, Cell::cpuPerCall, "%.1f");
                sb.append(" |\n");
            }
            sb.append('\n');
        }

        sb.append("## Scale: calls in flight (StartBatchJob)\n\n");
        sb.append("| in flight | (a) calls/s | (b) calls/s | (b) × (a) | (a) KiB/call | (b) KiB/call "
                + "| (a) p50 µs | (b) p50 µs | (b) p99 µs | (b) CPU µs/call |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int level : new int[] {1, 16, 64, 256, 1024}) {
            List<Cell> a = byKey.get("raw/" + level + "/0");
            List<Cell> b = byKey.get("sdk-reactive/" + level + "/0");
            if (a == null || b == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.1f | %.1f | %.0f | %.0f | %.0f | %.1f |%n",
                    level, median(a, Cell::callsPerSecond), median(b, Cell::callsPerSecond),
                    ratio(b, a, Cell::callsPerSecond), median(a, Cell::bytesPerCall) / 1024,
                    median(b, Cell::bytesPerCall) / 1024, median(a, Cell::p50), median(b, Cell::p50),
                    median(b, Cell::p99), median(b, Cell::cpuPerCall)));
        }
        sb.append('\n');

        sb.append("## Scale: GetBatchTaskInfosByState response size (16 in flight)\n\n");
        sb.append("| tasks | (a) calls/s | (b) calls/s | (b) × (a) | (b) KiB/call | (b) KiB/task | (b) CPU µs/call "
                + "| (b) CPU µs/task | (b) p50 µs |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int tasks : BenchServer.TASK_COUNTS) {
            List<Cell> a = byKey.get("raw/16/" + tasks);
            List<Cell> b = byKey.get("sdk-reactive/16/" + tasks);
            if (a == null || b == null) {
                continue;
            }
            double kib = median(b, Cell::bytesPerCall) / 1024;
            double cpu = median(b, Cell::cpuPerCall);
            sb.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.1f | %.2f | %.0f | %.2f | %.0f |%n",
                    tasks, median(a, Cell::callsPerSecond), median(b, Cell::callsPerSecond),
                    ratio(b, a, Cell::callsPerSecond), kib, kib / tasks, cpu, cpu / tasks, median(b, Cell::p50)));
        }
        sb.append('\n');
        if (args.contains("--smoke")) {
            sb.append("Smoke run: sub-second windows prove that everything builds and runs; its figures are not "
                    + "measurements and no target is judged.\n");
        } else {
            targets(sb, byKey);
        }
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void targets(StringBuilder sb, Map<String, List<Cell>> byKey) {
        List<Cell> a64 = byKey.get("raw/64/0");
        List<Cell> b64 = byKey.get("sdk-reactive/64/0");
        List<Cell> a1 = byKey.get("raw/1/0");
        List<Cell> b1 = byKey.get("sdk-reactive/1/0");
        if (a64 == null || b64 == null || a1 == null || b1 == null) {
            return;
        }
        sb.append("## Targets\n\n");
        double thr = ratio(b64, a64, Cell::callsPerSecond);
        check(sb, "(b) throughput at 64 in flight ≥ 0.8 × (a)", String.format(Locale.ROOT, "%.2f × (a)", thr),
                thr >= 0.8);
        double cxf = 0;
        for (String id : new String[] {"cxf-httpclient", "cxf-urlconnection"}) {
            List<Cell> c = byKey.get(id + "/64/0");
            if (c != null) {
                cxf = Math.max(cxf, median(c, Cell::callsPerSecond));
            }
        }
        if (cxf > 0) {
            double vsCxf = median(b64, Cell::callsPerSecond) / cxf;
            check(sb, "(b) throughput at 64 in flight ≥ 2 × the faster CXF", String.format(Locale.ROOT, "%.2f ×",
                    vsCxf), vsCxf >= 2);
        }
        double p50 = ratio(b1, a1, Cell::p50);
        check(sb, "(b) p50 at 1 in flight ≤ 1.5 × (a)", String.format(Locale.ROOT, "%.2f × (a)", p50), p50 <= 1.5);
        double kib = Math.max(median(b64, Cell::bytesPerCall), median(b1, Cell::bytesPerCall)) / 1024;
        check(sb, "(b) client allocation ≤ 20 KiB per call", String.format(Locale.ROOT, "%.1f KiB (worse of 1 and "
                + "64 in flight)", kib), kib <= 20);
        sb.append('\n');
    }

    private static void check(StringBuilder sb, String target, String value, boolean met) {
        sb.append("- ").append(met ? "met" : "**missed**").append(": ").append(target).append(" — ").append(value)
                .append('\n');
    }

    private static void cols(StringBuilder sb, List<Cell> row, List<Cell> base, ToDoubleFunction<Cell> metric,
            String format) {
        sb.append(" | ").append(String.format(Locale.ROOT, format, median(row, metric)));
        sb.append(" | ").append(base == null ? "" : String.format(Locale.ROOT, "%.2f", ratio(row, base, metric)));
    }

    static double median(List<Cell> cells, ToDoubleFunction<Cell> metric) {
        return median(cells.stream().mapToDouble(metric).toArray());
    }

    /** The median over rounds of this round's value divided by the base's value in the same round. */
    static double ratio(List<Cell> cells, List<Cell> base, ToDoubleFunction<Cell> metric) {
        List<Double> ratios = new ArrayList<>();
        for (Cell c : cells) {
            for (Cell b : base) {
                if (b.round() == c.round() && metric.applyAsDouble(b) != 0) {
                    ratios.add(metric.applyAsDouble(c) / metric.applyAsDouble(b));
                }
            }
        }
        return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
