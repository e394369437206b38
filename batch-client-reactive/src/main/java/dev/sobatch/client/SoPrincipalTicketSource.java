package dev.sobatch.client;

import java.time.Duration;
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
    private final AtomicReference<Authentication> cached = new AtomicReference<>();

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
            Authentication current = cached.get();
            if (current == null) {
                Authentication fresh = authenticate();
                current = cached.compareAndSet(null, fresh) ? fresh : cached.get();
            }
            return current.ticket;
        });
    }

    /**
     * Authenticates again only when the rejected ticket is the latest one issued. Calls that report the same
     * ticket at once share one authentication; a call that reports an older ticket, or reports while an
     * authentication is under way, gets that authentication's ticket.
     */
    @Override
    public Mono<String> refresh(String rejected) {
        return Mono.defer(() -> {
            Authentication current = cached.get();
            if (current != null && !current.issued(rejected)) {
                return current.ticket;
            }
            Authentication fresh = authenticate();
            return cached.compareAndSet(current, fresh) ? fresh.ticket : cached.get().ticket;
        });
    }

    private Authentication authenticate() {
        if (authenticator == null) {
            return new Authentication(Mono.error(new IllegalStateException(
                    "this SoPrincipal ticket source is not bound to a client; pass it to a client builder")));
        }
        return new Authentication(Mono.defer(() -> authenticator.apply(username, password)));
    }

    /**
     * One authentication, shared by everyone who asks while it runs and cached once it succeeded. An error is
     * not cached: the next subscriber authenticates anew (and then shares that attempt).
     */
    private static final class Authentication {
        final Mono<String> ticket;
        private volatile String issued;

        Authentication(Mono<String> call) {
            this.ticket = call.doOnNext(t -> issued = t)
                    .cache(t -> Duration.ofMillis(Long.MAX_VALUE), e -> Duration.ZERO, () -> Duration.ZERO);
        }

        /** Whether this authentication succeeded and issued exactly this ticket. */
        boolean issued(String ticket) {
            return ticket != null && ticket.equals(issued);
        }
    }

    @Override
    public String toString() {
        return "TicketSource.soPrincipal(" + username + ", password=***)";
    }
}
