package dev.sobatch.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line:
 * {@code java -jar batch-simulator.jar --port 8080}. Prints the service URL and a ready-to-use ticket;
 * Ctrl-C stops it cleanly.
 */
public final class SimulatorMain {
    private static final String USAGE = String.join("\n",
            "Usage: java -jar batch-simulator.jar [options]",
            "  --port N                 port to listen on (default 8080; 0 = a free port)",
            "  --host H                 interface to bind (default 127.0.0.1)",
            "  --ticket T               accept this ticket (repeatable; default: a random one)",
            "  --user NAME:PASSWORD     accept this user in AuthenticateUsernamePassword (repeatable)",
            "  --online TOKEN           SuperOffice Online mode: require this application token",
            "  --duration D             how long tasks run, e.g. 3s, 500ms, PT1M (default 3s)",
            "  --max-request-bytes N    largest request accepted (default 65536)",
            "  --reject-unknown-tasks   refuse StartBatchJob for task names not configured",
            "  --help                   show this help");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(USAGE);
            return;
        }
        BatchSimulator sim;
        try {
            sim = BatchSimulator.start(config);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            System.out.println("Batch.svc simulator stopped");
            stopped.countDown();
        }, "sobatch-sim-shutdown"));
        printBanner(System.out, sim);
        stopped.await();
    }

    static void printBanner(PrintStream out, BatchSimulator sim) {
        out.println("Batch.svc simulator running");
        out.println("  Batch.svc:       " + sim.batchServiceUrl());
        out.println("  SoPrincipal.svc: " + sim.soPrincipalUrl());
        out.println("  Ticket:          " + sim.ticket());
        if (sim.applicationToken() != null) {
            out.println("  Online mode:     requests must carry the configured application token");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** The configuration the arguments ask for; {@code null} when help was asked for. */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder().port(8080);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    return null;
                case "--port":
                    b.port(intValue(arg, value(args, ++i, arg)));
                    break;
                case "--host":
                    b.host(value(args, ++i, arg));
                    break;
                case "--ticket":
                    b.ticket(value(args, ++i, arg));
                    break;
                case "--user": {
                    String v = value(args, ++i, arg);
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--user takes NAME:PASSWORD");
                    }
                    b.user(v.substring(0, colon), v.substring(colon + 1));
                    break;
                }
                case "--online":
                    b.online(value(args, ++i, arg));
                    break;
                case "--duration":
                    b.defaultDuration(duration(value(args, ++i, arg)));
                    break;
                case "--max-request-bytes":
                    b.maxRequestBytes(intValue(arg, value(args, ++i, arg)));
                    break;
                case "--reject-unknown-tasks":
                    b.acceptUnknownTaskNames(false);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return b.build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + v + "'");
        }
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (try 3s, 500ms or PT1M)");
        }
    }
}
