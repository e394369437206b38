package dev.sobatch.client;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * Tickets obtained with a user name and password from SoPrincipal's {@code AuthenticateUsernamePassword}.
 * Made by {@link TicketSource#soPrincipal(String, String)}; a client {@link #bind binds} it to an
 * authenticating function (its own HTTP transport) when built. The bound source caches the ticket until the
 * service rejects it; concurrent callers share one authentication. {@link #toString()} shows no password.
 */
public final class SoPrincipalTicketSource implements TicketSource {
    private final String username;
    private final String password;
    private final BiFunction<String, String, Mono<String>> authenticator;
    private final AtomicReference<Mono<String>> cached = new AtomicReference<>();
    private volatile String lastTicket;

    private SoPrincipalTicketSource(String username, String password,
            BiFunction<String, String, Mono<String>> authenticator) {
        this.username = username;
        this.password = password;
        this.authenticator = authenticator;
    }

    static SoPrincipalTicketSource unbound(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        return new SoPrincipalTicketSource(username, password, null);
    }

    /**
     * A copy whose tickets come from {@code authenticator(username, password)}, which must emit the issued
     * ticket or fail. Called by clients; each bound copy has its own cache.
     */
    public SoPrincipalTicketSource bind(BiFunction<String, String, Mono<String>> authenticator) {
        return new SoPrincipalTicketSource(username, password, Objects.requireNonNull(authenticator, "authenticator"));
    }

    /** Whether this source has been bound to a client. */
    public boolean isBound() {
        return authenticator != null;
    }

    public String username() {
        return username;
    }

    @Override
    public Mono<String> ticket() {
        return Mono.defer(() -> {
            Mono<String> current = cached.get();
            if (current == null) {
                Mono<String> fresh = authenticate();
                current = cached.compareAndSet(null, fresh) ? fresh : cached.get();
            }
            return current;
        });
    }

    @Override
    public Mono<String> refresh(String rejected) {
        return Mono.defer(() -> {
            Mono<String> current = cached.get();
            String known = lastTicket;
            if (current != null && known != null && !known.equals(rejected)) {
                return current; // someone already replaced the rejected ticket
            }
            Mono<String> fresh = authenticate();
            return cached.compareAndSet(current, fresh) ? fresh : cached.get();
        });
    }

    private Mono<String> authenticate() {
        if (authenticator == null) {
            return Mono.error(new IllegalStateException(
                    "this SoPrincipal ticket source is not bound to a client; pass it to a client builder"));
        }
        // Cache a ticket forever (until refreshed), but never an error: the next call tries again.
        return Mono.defer(() -> authenticator.apply(username, password))
                .doOnNext(t -> lastTicket = t)
                .cache(t -> java.time.Duration.ofMillis(Long.MAX_VALUE), e -> java.time.Duration.ZERO,
                        () -> java.time.Duration.ZERO);
    }

    @Override
    public String toString() {
        return "TicketSource.soPrincipal(" + username + ", password=***)";
    }
}
