package dev.sobatch.spring.boot;

import dev.sobatch.soap.SoapVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * The start-up checks of {@link SobatchProperties}. Errors are recorded as object errors, never as field errors:
 * a field error carries the rejected value into the failure report, and several of these values are secrets
 * (an endpoint may even hold credentials in its user-info part).
 */
final class PropertiesValidation {

    private PropertiesValidation() {
    }

    static void validate(SobatchProperties p, Errors errors) {
        Checker check = new Checker(errors);
        endpoint(p, check);
        authentication(p, check);
        if (StringUtils.hasText(p.getSoapVersion())) {
            try {
                SoapVersion.parse(p.getSoapVersion());
            } catch (IllegalArgumentException e) {
                check.fail("soap-version", "must be 1.1 or 1.2");
            }
        } else {
            check.fail("soap-version", "must be 1.1 or 1.2");
        }
        check.positive("deadline", p.getDeadline());
        check.positive("response-timeout", p.getResponseTimeout());
        check.positive("connect-timeout", p.getConnectTimeout());
        if (p.getMaxResponseSize() == null || p.getMaxResponseSize().toBytes() <= 0) {
            check.fail("max-response-size", "must be positive (such as 16MB)");
        }
        retry(p.getRetry(), check);
        pool(p.getPool(), check);
    }

    private static void endpoint(SobatchProperties p, Checker check) {
        String endpoint = p.getEndpoint();
        if (endpoint == null) {
            return; // required only when the starter builds the client; see SobatchAutoConfiguration
        }
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            check.fail("endpoint", "is not a valid URL (" + e.getReason() + ")");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            check.fail("endpoint", "must be an http or https URL, such as https://online.superoffice.com/Cust12345/");
            return;
        }
        if (uri.getHost() == null) {
            check.fail("endpoint", "has no host");
            return;
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            check.fail("endpoint", "must not carry user info, a query or a fragment");
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if ((host.equals("superoffice.com") || host.endsWith(".superoffice.com"))
                && !StringUtils.hasText(p.getApplicationToken())) {
            check.fail("application-token", "is required: SuperOffice Online (" + host
                    + ") requires an application token");
        }
    }

    private static void authentication(SobatchProperties p, Checker check) {
        boolean ticket = StringUtils.hasText(p.getTicket());
        boolean user = StringUtils.hasText(p.getUsername());
        boolean password = StringUtils.hasText(p.getPassword());
        if (ticket && (user || password)) {
            check.fail("ticket", "and sobatch.username/sobatch.password are exclusive: set one or the other");
        } else if (user && !password) {
            check.fail("password", "is required when sobatch.username is set");
        } else if (password && !user) {
            check.fail("username", "is required when sobatch.password is set");
        }
    }

    private static void retry(SobatchProperties.Retry r, Checker check) {
        if (r.getMaxAttempts() < 1) {
            check.fail("retry.max-attempts", "must be at least 1 (1 turns retries off), was " + r.getMaxAttempts());
        }
        boolean base = check.notNegative("retry.backoff-base", r.getBackoffBase());
        boolean cap = check.notNegative("retry.backoff-cap", r.getBackoffCap());
        if (base && cap && r.getBackoffCap().compareTo(r.getBackoffBase()) < 0) {
            check.fail("retry.backoff-cap", "(" + r.getBackoffCap() + ") must not be below sobatch.retry.backoff-base ("
                    + r.getBackoffBase() + ")");
        }
        check.notNegative("retry.max-retry-after", r.getMaxRetryAfter());
    }

    private static void pool(SobatchProperties.Pool pool, Checker check) {
        if (pool.getMaxConnections() < 1) {
            check.fail("pool.max-connections", "must be at least 1, was " + pool.getMaxConnections());
        }
        check.positive("pool.acquire-timeout", pool.getAcquireTimeout());
        if (pool.getMaxPendingAcquires() < 1 && pool.getMaxPendingAcquires() != -1) {
            check.fail("pool.max-pending-acquires", "must be at least 1, or -1 for no limit, was "
                    + pool.getMaxPendingAcquires());
        }
        check.positive("pool.max-idle-time", pool.getMaxIdleTime());
        check.positive("pool.max-life-time", pool.getMaxLifeTime());
    }

    /** Records errors whose message starts with the full property name. */
    private static final class Checker {
        private final Errors errors;

        Checker(Errors errors) {
            this.errors = errors;
        }

        void fail(String property, String problem) {
            String name = SobatchProperties.PREFIX + "." + property;
            errors.reject("sobatch.invalid", name + " " + problem);
        }

        boolean positive(String property, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                fail(property, "must be a positive duration (such as 10s), was " + d);
                return false;
            }
            return true;
        }

        boolean notNegative(String property, Duration d) {
            if (d == null || d.isNegative()) {
                fail(property, "must not be negative, was " + d);
                return false;
            }
            return true;
        }
    }
}
