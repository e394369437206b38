package dev.sobatch.cli;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.simulator.BatchSimulator;

/**
 * The client one command talks through, plus the embedded simulator when no endpoint was given. Closing it
 * releases both.
 */
final class ClientSession implements AutoCloseable {

    static final String ENDPOINT_ENV = "SOBATCH_ENDPOINT";
    static final String TICKET_ENV = "SOBATCH_TICKET";
    static final String APP_TOKEN_ENV = "SOBATCH_APP_TOKEN";
    static final String USERNAME_ENV = "SOBATCH_USERNAME";
    static final String PASSWORD_ENV = "SOBATCH_PASSWORD";

    private final BatchSimulator simulator;
    private final ReactiveBatchClient reactive;
    private final BatchClient blocking;

    private ClientSession(BatchSimulator simulator, ReactiveBatchClient reactive) {
        this.simulator = simulator;
        this.reactive = reactive;
        this.blocking = BatchClient.of(reactive);
    }

    static ClientSession open(SobatchCommand options) {
        CliContext context = options.context();
        String endpoint = firstOf(options.endpoint, context.env(ENDPOINT_ENV));
        String ticket = firstOf(options.ticket, context.env(TICKET_ENV));
        String applicationToken = firstOf(options.applicationToken, context.env(APP_TOKEN_ENV));
        String username = context.env(USERNAME_ENV);
        String password = context.env(PASSWORD_ENV);
        BatchSimulator simulator = null;
        if (endpoint == null) {
            simulator = BatchSimulator.start();
            endpoint = simulator.batchServiceUrl().toString();
            // a ticket from the environment belongs to a real server; the simulator only knows its own
            ticket = simulator.ticket();
            applicationToken = simulator.applicationToken();
            context.err().println("sobatch: no --endpoint or " + ENDPOINT_ENV
                    + " given; started an embedded Batch.svc simulator at " + endpoint);
        } else if (ticket == null && (username == null || password == null)) {
            throw new CliFailure(ExitCodes.USAGE, "no credentials: set " + TICKET_ENV
                    + " to a NetServer ticket, or " + USERNAME_ENV + " and " + PASSWORD_ENV + ", for " + endpoint);
        }
        try {
            ReactiveBatchClientBuilder builder = ReactiveBatchClient.builder()
                    .endpoint(endpoint)
                    .soapVersion(options.soapVersion)
                    .deadline(options.timeout)
                    .retryPolicy(RetryPolicy.builder()
                            .maxAttempts(options.maxAttempts)
                            .retryUnsafe(options.retryUnsafe)
                            .build())
                    .wireLogging(context.verbose());
            if (ticket != null) {
                builder.ticket(ticket);
            } else {
                builder.credentials(username, password);
            }
            if (applicationToken != null) {
                builder.applicationToken(applicationToken);
            }
            return new ClientSession(simulator, builder.build());
        } catch (IllegalArgumentException | IllegalStateException badConfiguration) {
            if (simulator != null) {
                simulator.close();
            }
            throw new CliFailure(ExitCodes.USAGE, badConfiguration.getMessage());
        } catch (RuntimeException | Error unexpected) {
            if (simulator != null) {
                simulator.close();
            }
            throw unexpected;
        }
    }

    private static String firstOf(String option, String environment) {
        return option != null && !option.isBlank() ? option : environment;
    }

    BatchClient client() {
        return blocking;
    }

    ReactiveBatchClient reactive() {
        return reactive;
    }

    @Override
    public void close() {
        try {
            blocking.close();
            reactive.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
