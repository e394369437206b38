package dev.sobatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark: starts {@link BenchServer} in its own JVM, then for several rounds runs every
 * contender, each in a fresh client JVM ({@link Harness}), in an order rotated per round, and writes the
 * medians over the rounds, with each figure's ratio to contender (a) of the same round.
 *
 * <pre>EndToEnd [--smoke] [--rounds 3] [--target-rounds 5] [--warmup 1] [--first-warmup 5] [--measure 3] --out results.md
 *          [--only raw,sdk-reactive] [--levels 64] [--jfr DIR]</pre>
 *
 * {@code --only} keeps the named contenders, {@code --levels} replaces their levels (task-list jobs are then
 * left out), and {@code --jfr} records each client JVM with JFR's profile settings into DIR.
 */
public final class EndToEnd {
    static final String RAW = "raw";
    static final String SDK = "sdk-reactive";
    private static final String JDK_STAX = "-Djavax.xml.stream.XMLInputFactory=com.sun.xml.internal.stream.XMLInputFactoryImpl";
    /** CXF wants Woodstox (its secure-parser checks are written for it); Aalto, the SDK's, is on the class path too. */
    private static final String WOODSTOX = "-Djavax.xml.stream.XMLInputFactory=com.ctc.wstx.stax.WstxInputFactory";
    private static final String JDK_STAX_OUT =
            "-Djavax.xml.stream.XMLOutputFactory=com.sun.xml.internal.stream.XMLOutputFactoryImpl";

    /** One client JVM: a contender at some levels of calls in flight, for some task-list sizes. */
    record Job(String contender, String levels, String tasks, List<String> jvmArgs) {
    }

    /** One RESULT line. */
    record Cell(int round, String contender, int level, int tasks, double callsPerSecond, double p50, double p99,
            double bytesPerCall, double cpuPerCall) {
        String key() {
            return contender + "/" + level + "/" + tasks;
        }
    }

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = Options.parse(args);
        boolean smoke = opt.containsKey("smoke");
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", smoke ? "1" : "3"));
        // the cells the targets are about, (a) and (b) at 1 and 64 in flight, get more rounds than the rest
        int targetRounds = Math.max(rounds, Integer.parseInt(opt.getOrDefault("target-rounds",
                smoke || opt.containsKey("levels") ? "0" : "5")));
        String warmup = opt.getOrDefault("warmup", smoke ? "0.3" : "1");
        String firstWarmup = opt.getOrDefault("first-warmup", smoke ? "1" : "5");
        String measure = opt.getOrDefault("measure", smoke ? "0.5" : "3");
        List<String> timing = List.of("--warmup", warmup, "--first-warmup", firstWarmup, "--measure", measure);
        Path out = Path.of(opt.getOrDefault("out", "target/bench-results/end-to-end.md"));
        List<Job> jobs = jobs(smoke, opt.getOrDefault("only", ""), opt.get("levels"), opt.get("jfr"));

        long started = System.nanoTime();
        List<Cell> cells = new ArrayList<>();
        Process server = startServer();
        try {
            String url = "http://127.0.0.1:" + readPort(server);
            for (int round = 0; round < rounds; round++) {
                for (int j = 0; j < jobs.size(); j++) {
                    Job job = jobs.get((j + round) % jobs.size());
                    cells.addAll(runJob(round, job, url, timing));
                }
            }
            List<Job> targets = targetJobs(jobs);
            for (int round = rounds; round < targetRounds; round++) {
                for (int j = 0; j < targets.size(); j++) {
                    cells.addAll(runJob(round, targets.get((j + round) % targets.size()), url, timing));
                }
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        String roundsText = targetRounds > rounds ? rounds + " rounds (" + targetRounds + " for (a) and (b) at 1 and 64"
                + " in flight)" : rounds + " round(s)";
        String report = Report.render(cells, roundsText, (System.nanoTime() - started) / 1e9, String.join(" ", args),
                warmup, firstWarmup, measure);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        StringBuilder raw = new StringBuilder(
                "round\tcontender\tin_flight\ttasks\tcalls_per_s\tp50_us\tp99_us\tbytes_per_call\tcpu_us_per_call\n");
        for (Cell c : cells) {
            raw.append(String.format(Locale.ROOT, "%d\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f%n", c.round(),
                    c.contender(), c.level(), c.tasks(), c.callsPerSecond(), c.p50(), c.p99(), c.bytesPerCall(),
                    c.cpuPerCall()));
        }
        Files.writeString(Path.of(out.toString().replaceAll("\\.md$", "") + ".tsv"), raw, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** (a) and (b) at 1 and 64 calls in flight only: the extra rounds of the cells the targets are about. */
    static List<Job> targetJobs(List<Job> jobs) {
        List<Job> targets = new ArrayList<>();
        for (Job j : jobs) {
            if ((j.contender().equals(RAW) || j.contender().equals(SDK)) && j.tasks().equals("0")) {
                targets.add(new Job(j.contender(), "1,64", "0", j.jvmArgs()));
            }
        }
        return targets;
    }

    static List<Job> jobs(boolean smoke, String only, String levels, String jfrDir) {
        // (e) is "plain JAXB": the JDK's StAX, not Aalto or Woodstox, which the SDK and CXF bring to this class path
        List<String> jdkStax = List.of(JDK_STAX, JDK_STAX_OUT);
        List<String> noFlags = List.of();
        String scaleLevels = smoke ? "1,64" : "1,16,64,256,1024";
        String listTasks = "10,100,1000";
        List<Job> jobs = new ArrayList<>(List.of(
                new Job(RAW, scaleLevels, "0", noFlags),
                new Job(SDK, scaleLevels, "0", noFlags),
                new Job("sdk-blocking", "1,64", "0", noFlags),
                new Job("cxf-httpclient", "1,64", "0", List.of(WOODSTOX)),
                new Job("cxf-urlconnection", "1,64", "0", List.of(WOODSTOX,
                        "-Dorg.apache.cxf.transport.http.forceURLConnection=true", "-Dhttp.maxConnections=64")),
                new Job("jaxb-baseline", "1,64", "0", jdkStax),
                new Job(RAW, "16", listTasks, noFlags),
                new Job(SDK, "16", listTasks, noFlags)));
        if (!only.isEmpty()) {
            List<String> wanted = Arrays.asList(only.split(","));
            jobs.removeIf(j -> !wanted.contains(j.contender()));
        }
        List<Job> result = new ArrayList<>();
        for (Job j : jobs) {
            if (levels != null && !j.tasks().equals("0")) {
                continue;
            }
            List<String> jvm = new ArrayList<>(j.jvmArgs());
            if (jfrDir != null) {
                jvm.add("-XX:StartFlightRecording=settings=profile,filename="
                        + Path.of(jfrDir, j.contender() + ".jfr").toAbsolutePath());
            }
            result.add(new Job(j.contender(), levels != null ? levels : j.levels(), j.tasks(), jvm));
        }
        return result;
    }

    private static List<Cell> runJob(int round, Job job, String url, List<String> timing)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(job.jvmArgs());
        cmd.addAll(List.of(Harness.class.getName(), "--contender", job.contender(), "--url", url, "--levels",
                job.levels(), "--tasks", job.tasks()));
        cmd.addAll(timing);
        System.err.printf(Locale.ROOT, "round %d: %s levels %s tasks %s%n", round + 1, job.contender(), job.levels(),
                job.tasks());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        List<Cell> cells = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) {
                    String[] f = line.split("\t");
                    Cell c = new Cell(round, f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                            Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                            Double.parseDouble(f[9]), Double.parseDouble(f[10]));
                    System.err.printf(Locale.ROOT, "  %-18s in flight %4d tasks %4d: %9.0f calls/s  p50 %7.1f us"
                            + "  p99 %8.1f us  %7.0f B/call  %6.1f us CPU/call  JIT %s ms%n", c.contender(), c.level(),
                            c.tasks(), c.callsPerSecond(), c.p50(), c.p99(), c.bytesPerCall(), c.cpuPerCall(), f[12]);
                    cells.add(c);
                } else {
                    System.err.println("  " + line);
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(job.contender() + " failed (exit " + p.exitValue() + ")");
        }
        return cells;
    }

    private static Process startServer() throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.remove("-Xms1g");
        cmd.remove("-Xmx1g");
        cmd.add(1, "-Xmx512m");
        cmd.add(BenchServer.class.getName());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int readPort(Process server) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("the benchmark server exited before listening");
    }

    private static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
    }

    static Map<String, List<Cell>> byKey(List<Cell> cells) {
        Map<String, List<Cell>> map = new LinkedHashMap<>();
        for (Cell c : cells) {
            map.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        return map;
    }
}
