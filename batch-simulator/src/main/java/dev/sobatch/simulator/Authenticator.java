package dev.sobatch.simulator;

import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.soap.RequestHeaders;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tickets and application tokens. Preconfigured tickets belong to associate
 * {@link SimulatorConfig#TICKET_ASSOCIATE_ID}; AuthenticateUsernamePassword issues a fresh ticket per call
 * to configured users. In online mode every request must carry the configured application token. Failure
 * messages never repeat the secret that was refused.
 */
final class Authenticator {
    /** Issued tickets kept at most; the oldest are forgotten first, like expired ones. */
    static final int MAX_ISSUED_TICKETS = 10_000;

    private final SimulatorConfig config;
    private final Map<String, Integer> tickets = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_ISSUED_TICKETS + config.tickets().size();
        }
    };

    Authenticator(SimulatorConfig config) {
        this.config = config;
        for (String t : config.tickets()) {
            tickets.put(t, SimulatorConfig.TICKET_ASSOCIATE_ID);
        }
    }

    /** The associate the request acts for; throws the service's security failure otherwise. */
    int authorize(RequestHeaders headers) {
        checkApplicationToken(headers);
        String ticket = headers.ticket();
        if (ticket == null || ticket.isBlank()) {
            throw ServiceFailure.security("No credentials were supplied; a ticket is required");
        }
        Integer associateId;
        synchronized (tickets) {
            associateId = tickets.get(ticket);
        }
        if (associateId == null) {
            throw ServiceFailure.security("The ticket is not valid or has expired");
        }
        return associateId;
    }

    AuthenticateResponse authenticate(RequestHeaders headers, AuthenticateUsernamePassword request) {
        checkApplicationToken(headers);
        SimulatorConfig.User user = request.userName() == null ? null : config.users().get(request.userName());
        if (user == null || !user.passwordMatches(request.password())) {
            return AuthenticateResponse.failed();
        }
        String ticket = SimulatorConfig.randomTicket();
        synchronized (tickets) {
            tickets.put(ticket, user.associateId());
        }
        return AuthenticateResponse.succeeded(ticket, user.associateId(), request.userName());
    }

    /** Makes a ticket unusable, as when it expires on a real server. */
    boolean revoke(String ticket) {
        synchronized (tickets) {
            return tickets.remove(ticket) != null;
        }
    }

    private void checkApplicationToken(RequestHeaders headers) {
        String expected = config.applicationToken();
        if (expected == null) {
            return; // on-site installations do not check application tokens
        }
        String given = headers.applicationToken();
        if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw ServiceFailure.security(given == null
                    ? "An application token is required to call SuperOffice Online"
                    : "The application token is not valid");
        }
    }
}
