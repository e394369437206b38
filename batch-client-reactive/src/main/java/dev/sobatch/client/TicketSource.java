package dev.sobatch.client;

import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Where a client gets the NetServer ticket it sends in the {@code Credentials} header. The client asks for
 * a ticket once per logical call (not per retry), and when the service reports a ticket invalid or expired
 * it calls {@link #refresh(String)} once and repeats the call once.
 */
public interface TicketSource {

    /** The ticket to use now. Must not block; may complete from a cache. */
    Mono<String> ticket();

    /**
     * A replacement for a ticket the service rejected. The default asks {@link #ticket()} again, which suits
     * suppliers that fetch a fresh ticket each time.
     */
    default Mono<String> refresh(String rejected) {
        return ticket();
    }

    /** Always this ticket (a secret; never logged). */
    static TicketSource fixed(String ticket) {
        Objects.requireNonNull(ticket, "ticket");
        if (ticket.isBlank()) {
            throw new IllegalArgumentException("ticket must not be blank");
        }
        Mono<String> mono = Mono.just(ticket);
        return new TicketSource() {
            @Override
            public Mono<String> ticket() {
                return mono;
            }

            @Override
            public String toString() {
                return "TicketSource.fixed(***)";
            }
        };
    }

    /** A ticket from this supplier, subscribed anew for every call. */
    static TicketSource from(Supplier<? extends Mono<String>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new TicketSource() {
            @Override
            public Mono<String> ticket() {
                return Mono.defer(supplier);
            }

            @Override
            public String toString() {
                return "TicketSource.from(supplier)";
            }
        };
    }

    /**
     * Tickets from SoPrincipal's {@code AuthenticateUsernamePassword}. The client that uses this source calls
     * {@code …/Remote/Services88/SoPrincipal.svc} next to its Batch.svc endpoint with its own HTTP resources,
     * caches the ticket, and authenticates again when the service rejects it.
     */
    static SoPrincipalTicketSource soPrincipal(String username, String password) {
        return SoPrincipalTicketSource.unbound(username, password);
    }
}
