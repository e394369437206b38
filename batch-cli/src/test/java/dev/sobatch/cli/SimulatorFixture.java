package dev.sobatch.cli;

import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulator plus the environment that points the tool at it. */
final class SimulatorFixture implements AutoCloseable {

    static final String TICKET = "7T:cli-test-ticket-s3cr3t";
    static final String APP_TOKEN = "app-token-cli-s3cr3t";

    final BatchSimulator simulator;

    private SimulatorFixture(BatchSimulator simulator) {
        this.simulator = simulator;
    }

    static SimulatorFixture start(SimulatorConfig.Builder config) {
        return new SimulatorFixture(BatchSimulator.start(config.ticket(TICKET).build()));
    }

    /** SOBATCH_ENDPOINT and SOBATCH_TICKET, as a user would export them. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SOBATCH_ENDPOINT", simulator.batchServiceUrl().toString());
        env.put("SOBATCH_TICKET", TICKET);
        return env;
    }

    CliResult run(String... args) {
        return CliResult.run(env(), args);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
