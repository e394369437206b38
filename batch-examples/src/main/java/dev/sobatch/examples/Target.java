package dev.sobatch.examples;

import dev.sobatch.simulator.BatchSimulator;

/**
 * Where an example connects: the endpoint from the first argument or {@code SOBATCH_ENDPOINT} (with
 * {@code SOBATCH_TICKET} and {@code SOBATCH_APP_TOKEN}), else a local Batch.svc simulator started just for
 * this run. Closing it stops that simulator.
 *
 * <p>In your own code you only need the endpoint, ticket and application token lines.
 */
public final class Target implements AutoCloseable {

    private final String endpoint;
    private final String ticket;
    private final String applicationToken;
    private final BatchSimulator ownedSimulator;

    private Target(String endpoint, String ticket, String applicationToken, BatchSimulator ownedSimulator) {
        this.endpoint = endpoint;
        this.ticket = ticket;
        this.applicationToken = applicationToken;
        this.ownedSimulator = ownedSimulator;
    }

    /** Reads the target from the command line and environment, starting a simulator when none is given. */
    public static Target fromArgsOrEnv(String[] args) {
        String endpoint = args.length > 0 ? args[0] : System.getenv("SOBATCH_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            BatchSimulator simulator = BatchSimulator.start();
            System.err.println("No endpoint given; using a local Batch.svc simulator at "
                    + simulator.batchServiceUrl());
            return new Target(simulator.batchServiceUrl().toString(), simulator.ticket(),
                    simulator.applicationToken(), simulator);
        }
        return new Target(endpoint, System.getenv("SOBATCH_TICKET"), System.getenv("SOBATCH_APP_TOKEN"), null);
    }

    /** Targets a running simulator (used by the examples' tests); closing the target does not stop it. */
    public static Target of(BatchSimulator simulator) {
        return new Target(simulator.batchServiceUrl().toString(), simulator.ticket(), simulator.applicationToken(),
                null);
    }

    public String endpoint() {
        return endpoint;
    }

    /** The Credentials ticket, or null when none is configured. */
    public String ticket() {
        return ticket;
    }

    /** The application token, or null when none is configured (on-site installations do not check it). */
    public String applicationToken() {
        return applicationToken;
    }

    @Override
    public void close() {
        if (ownedSimulator != null) {
            ownedSimulator.close();
        }
    }
}
