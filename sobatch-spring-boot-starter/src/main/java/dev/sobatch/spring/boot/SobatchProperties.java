package dev.sobatch.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the auto-configured sobatch clients, bound from {@code sobatch.*}.
 *
 * <p>The values are checked when the context starts (this class validates itself while it is bound); each
 * message names the property to fix. Defaults equal those of
 * {@link dev.sobatch.reactive.ReactiveBatchClientBuilder}.
 */
@ConfigurationProperties(SobatchProperties.PREFIX)
public class SobatchProperties implements Validator {

    /** The prefix of every property of this class. */
    public static final String PREFIX = "sobatch";

    /**
     * Batch.svc URL, or the site base URL (such as https://online.superoffice.com/Cust12345/) to which
     * Remote/Services88/Batch.svc is appended.
     */
    private String endpoint;

    /** Application token; required by SuperOffice Online (*.superoffice.com). Never logged. */
    private String applicationToken;

    /** A fixed NetServer ticket. Set either this or username and password. Never logged. */
    private String ticket;

    /** User name for tickets from SoPrincipal.svc next to the endpoint (needs password as well). */
    private String username;

    /** Password for tickets from SoPrincipal.svc. Never logged. */
    private String password;

    /** SOAP version of the binding: 1.1 (the WSDL's BasicHttpBinding) or 1.2. */
    private String soapVersion = "1.1";

    /** Bounds one logical call, all attempts and backoff included. */
    private Duration deadline = Duration.ofSeconds(30);

    /** How long one attempt waits for its whole response after sending its request. */
    private Duration responseTimeout = Duration.ofSeconds(10);

    /** TCP connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Largest (decompressed) response body accepted. */
    private DataSize maxResponseSize = DataSize.ofMegabytes(16);

    /** Whether to log each exchange at DEBUG to the logger dev.sobatch.wire (secrets are masked). */
    private boolean wireLogging;

    private final Retry retry = new Retry();

    private final Pool pool = new Pool();

    /** @return the endpoint, or {@code null} when not set */
    public String getEndpoint() {
        return endpoint;
    }

    /** @param endpoint the Batch.svc URL or site base URL */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the application token, or {@code null} */
    public String getApplicationToken() {
        return applicationToken;
    }

    /** @param applicationToken the application token */
    public void setApplicationToken(String applicationToken) {
        this.applicationToken = applicationToken;
    }

    /** @return the fixed ticket, or {@code null} */
    public String getTicket() {
        return ticket;
    }

    /** @param ticket a fixed NetServer ticket */
    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    /** @return the SoPrincipal user name, or {@code null} */
    public String getUsername() {
        return username;
    }

    /** @param username the SoPrincipal user name */
    public void setUsername(String username) {
        this.username = username;
    }

    /** @return the SoPrincipal password, or {@code null} */
    public String getPassword() {
        return password;
    }

    /** @param password the SoPrincipal password */
    public void setPassword(String password) {
        this.password = password;
    }

    /** @return the SOAP version, "1.1" or "1.2" */
    public String getSoapVersion() {
        return soapVersion;
    }

    /** @param soapVersion "1.1" or "1.2" */
    public void setSoapVersion(String soapVersion) {
        this.soapVersion = soapVersion;
    }

    /** @return the deadline of one logical call */
    public Duration getDeadline() {
        return deadline;
    }

    /** @param deadline the deadline of one logical call */
    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    /** @return the per-attempt response timeout */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /** @param responseTimeout the per-attempt response timeout */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** @return the TCP connect timeout */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the TCP connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the largest response body accepted */
    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    /** @param maxResponseSize the largest response body accepted */
    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** @return whether exchanges are logged */
    public boolean isWireLogging() {
        return wireLogging;
    }

    /** @param wireLogging whether to log exchanges at DEBUG (secrets masked) */
    public void setWireLogging(boolean wireLogging) {
        this.wireLogging = wireLogging;
    }

    /** @return the retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return the connection pool settings */
    public Pool getPool() {
        return pool;
    }

    @Override
    public boolean supports(Class<?> type) {
        return SobatchProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        PropertiesValidation.validate((SobatchProperties) target, errors);
    }

    /** When calls are re-sent ({@code sobatch.retry.*}). */
    public static class Retry {

        /** Attempts per logical call, the first included; 1 turns retries off. */
        private int maxAttempts = 3;

        /** Base of the full-jitter exponential backoff between attempts. */
        private Duration backoffBase = Duration.ofMillis(100);

        /** Largest backoff between two attempts. */
        private Duration backoffCap = Duration.ofSeconds(5);

        /** Longest Retry-After the client waits for; longer ones end the call. */
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        /**
         * Whether StartBatchJob and UpdateBatchTask are re-sent after failures whose outcome is unknown (the
         * service may then run a job twice).
         */
        private boolean allowUnsafeResends;

        /** @return attempts per call */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts attempts per call, at least 1 */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the backoff base */
        public Duration getBackoffBase() {
            return backoffBase;
        }

        /** @param backoffBase the backoff base */
        public void setBackoffBase(Duration backoffBase) {
            this.backoffBase = backoffBase;
        }

        /** @return the backoff cap */
        public Duration getBackoffCap() {
            return backoffCap;
        }

        /** @param backoffCap the backoff cap */
        public void setBackoffCap(Duration backoffCap) {
            this.backoffCap = backoffCap;
        }

        /** @return the longest Retry-After honoured */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /** @param maxRetryAfter the longest Retry-After honoured */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

        /** @return whether unsafe operations are re-sent */
        public boolean isAllowUnsafeResends() {
            return allowUnsafeResends;
        }

        /** @param allowUnsafeResends whether unsafe operations are re-sent */
        public void setAllowUnsafeResends(boolean allowUnsafeResends) {
            this.allowUnsafeResends = allowUnsafeResends;
        }
    }

    /** The client's HTTP connection pool ({@code sobatch.pool.*}). */
    public static class Pool {

        /** Most connections open to the service at once. */
        private int maxConnections = 64;

        /** How long a call waits for a pooled connection when all are busy. */
        private Duration acquireTimeout = Duration.ofSeconds(10);

        /**
         * Most calls that may wait for a connection at once; a call beyond it fails at once, unsent (and may be
         * retried). -1: no limit, the acquire timeout alone bounds the wait.
         */
        private int maxPendingAcquires = -1;

        /**
         * How long a connection may stay unused before it is closed; keep it below the server's keep-alive
         * timeout (IIS: 120 s) so that no request is sent on a connection the server is closing.
         */
        private Duration maxIdleTime = Duration.ofSeconds(60);

        /**
         * How long a connection is used at most; older ones are closed when their exchange ends, so that new
         * servers behind a load balancer get connections too.
         */
        private Duration maxLifeTime = Duration.ofMinutes(5);

        /** @return the pool size */
        public int getMaxConnections() {
            return maxConnections;
        }

        /** @param maxConnections the pool size, at least 1 */
        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        /** @return the acquire timeout */
        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        /** @param acquireTimeout the acquire timeout */
        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }

        /** @return the most calls waiting for a connection at once, -1 for no limit */
        public int getMaxPendingAcquires() {
            return maxPendingAcquires;
        }

        /** @param maxPendingAcquires the most calls waiting for a connection at once, at least 1, or -1 */
        public void setMaxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = maxPendingAcquires;
        }

        /** @return the idle time after which a connection is closed */
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }

        /** @param maxIdleTime the idle time after which a connection is closed */
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        /** @return the age after which a connection is closed */
        public Duration getMaxLifeTime() {
            return maxLifeTime;
        }

        /** @param maxLifeTime the age after which a connection is closed */
        public void setMaxLifeTime(Duration maxLifeTime) {
            this.maxLifeTime = maxLifeTime;
        }
    }
}
