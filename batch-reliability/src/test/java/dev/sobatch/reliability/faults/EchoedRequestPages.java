package dev.sobatch.reliability.faults;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * HTTP 500 text/html error pages that echo the request back, as misconfigured IIS/ASP.NET error pages and
 * proxies do, and the checks that the echoed ticket stays out of what the client reports: its
 * {@link BatchTransportException#bodyExcerpt()}, {@code getMessage()} and the wire log.
 */
final class EchoedRequestPages {
    /** Its own token, so that a leak in one of these cases cannot fail the log checks of other tests. */
    static final String APP_TOKEN = "AppToken-EchoPages-5d2c";

    private EchoedRequestPages() {
    }

    /** The HTML escaping an ASP.NET page applies to echoed text. */
    static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A behaviour answering HTTP 500 text/html with {@code page(request body)}. */
    static FaultServer.Behaviour echo(Function<String, String> page) {
        return call -> call.respond(500, "text/html; charset=utf-8",
                page.apply(new String(call.body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Calls GetBatchTaskInfo with {@code ticket} against a server answering {@code behaviour}, with the wire
     * log on; answers the transport exception.
     */
    static BatchTransportException call(FaultServer.Behaviour behaviour, String ticket) {
        try (FaultServer server = FaultServer.start(behaviour);
                ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                        .ticket(ticket).applicationToken(APP_TOKEN).retryPolicy(RetryPolicy.none())
                        .deadline(Duration.ofSeconds(5)).wireLogging(true).build()) {
            Throwable error = client.getBatchTaskInfo(7).then(reactor.core.publisher.Mono.<Throwable>empty())
                    .onErrorResume(reactor.core.publisher.Mono::just).block(Duration.ofSeconds(10));
            if (!(error instanceof BatchTransportException t)) {
                throw new AssertionError("expected a BatchTransportException, got " + error, error);
            }
            if (server.requests() != 1 || !server.rawRequests().get(0).contains(ticket)) {
                throw new AssertionError("the server did not receive the ticket it was to echo");
            }
            return t;
        }
    }

    /** Pieces of {@code secret} long enough to matter (8 characters), where {@code text} contains any. */
    static List<String> fragmentsIn(String text, String secret) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 8 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 8);
            if (text.contains(piece)) {
                found.add(piece);
            }
        }
        return found;
    }
}
