package dev.sobatch.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test that leaked a ByteBuf (paranoid leak detection) or made a blocking call on a non-blocking
 * thread. Registered for every Jupiter test by auto-detection (META-INF/services). Each test checks what
 * was recorded since it began. Leak collection needs full GCs, which stop every thread: in a class whose
 * tests run concurrently (FaultMatrixTest) they would stall the other cases past their timeouts, so there
 * leaks are collected and checked once, after the class; blocking calls are still checked per test.
 */
public final class GuardsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GuardsExtension.class);

    private static boolean concurrent(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, Execution.class))
                .map(e -> e.value() == ExecutionMode.CONCURRENT).orElse(false);
    }

    private static int[] marks() {
        return new int[] {Guards.leaks().size(), Guards.blockingCalls().size()};
    }

    private static List<String> since(List<String> all, int mark) {
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Guards.install();
        if (concurrent(context)) {
            Guards.collectLeaks();
            context.getStore(NS).put("class", marks());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int[] marks = context.getStore(NS).remove("class", int[].class);
        if (marks != null) {
            assertThat(since(Guards.blockingCalls(), marks[1])).as("blocking calls on non-blocking threads").isEmpty();
            assertThat(since(Guards.collectLeaks(), marks[0])).as("Netty ByteBuf leaks in the class").isEmpty();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("test", marks());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        int[] marks = context.getStore(NS).remove("test", int[].class);
        assertThat(since(Guards.blockingCalls(), marks[1])).as("blocking calls on non-blocking threads").isEmpty();
        if (!concurrent(context)) {
            assertThat(since(Guards.collectLeaks(), marks[0])).as("Netty ByteBuf leaks").isEmpty();
        }
    }
}
