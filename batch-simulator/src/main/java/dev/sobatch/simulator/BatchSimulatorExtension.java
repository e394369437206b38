package dev.sobatch.simulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link BatchSimulator} on a free port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BatchSimulatorExtension sim = new BatchSimulatorExtension();     // one per test class
 *
 * @RegisterExtension
 * BatchSimulatorExtension sim = new BatchSimulatorExtension(config);      // one per test method
 * }</pre>
 *
 * Registered on a static field, the simulator lives for the whole class and its recorded requests and
 * armed faults are cleared before each test (tasks are kept). On an instance field, each test gets a
 * fresh simulator. Test methods may also take a {@link BatchSimulator} parameter.
 */
public final class BatchSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final SimulatorConfig config;
    private volatile BatchSimulator simulator;
    private volatile boolean perClass;

    /** A simulator with the defaults. */
    public BatchSimulatorExtension() {
        this(SimulatorConfig.defaults());
    }

    public BatchSimulatorExtension(SimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The running simulator. */
    public BatchSimulator simulator() {
        BatchSimulator s = simulator;
        if (s == null) {
            throw new IllegalStateException("the simulator runs only while a test runs");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = BatchSimulator.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopSimulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass && simulator != null) {
            simulator.clearRequests();
            simulator.faults().clear();
        } else {
            simulator = BatchSimulator.start(config);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopSimulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BatchSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    private void stopSimulator() {
        BatchSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
        }
    }
}
