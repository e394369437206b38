package dev.sobatch.simulator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable configuration of a {@link BatchSimulator}. Build with {@link #builder()}; every setting has a
 * default, so {@code SimulatorConfig.builder().build()} is a working simulator on a free port with one
 * random ticket.
 */
public final class SimulatorConfig {
    /** WCF's default {@code maxReceivedMessageSize}. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 65_536;
    public static final int DEFAULT_CAPACITY = 10_000;
    public static final int DEFAULT_MAX_RECORDED_REQUESTS = 10_000;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(3);
    /** The associate that owns preconfigured tickets. */
    public static final int TICKET_ASSOCIATE_ID = 1;

    /**
     * Tickets are also issued on the event loop (AuthenticateUsernamePassword). The default NativePRNG reads
     * /dev/urandom whenever its buffer is older than 100 ms, a blocking file read; a DRBG seeded here, on
     * the thread that configures the simulator, draws every later ticket from memory.
     */
    private static final SecureRandom RANDOM = seededRandom();

    private final String host;
    private final int port;
    private final List<String> tickets;
    private final Map<String, User> users;
    private final String applicationToken;
    private final Map<String, TaskType> taskTypes;
    private final boolean acceptUnknownTaskNames;
    private final SimulatorClock clock;
    private final Duration defaultDuration;
    private final int maxRequestBytes;
    private final int capacity;
    private final int maxRecordedRequests;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tickets = b.tickets.isEmpty() ? List.of(randomTicket()) : List.copyOf(b.tickets);
        this.users = Map.copyOf(b.users);
        this.applicationToken = b.applicationToken;
        this.taskTypes = Map.copyOf(b.taskTypes);
        this.acceptUnknownTaskNames = b.acceptUnknownTaskNames;
        this.clock = b.clock;
        this.defaultDuration = b.defaultDuration;
        this.maxRequestBytes = b.maxRequestBytes;
        this.capacity = b.capacity;
        this.maxRecordedRequests = b.maxRecordedRequests;
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: free port, one random ticket, system clock, tasks that succeed after 3 s. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    private static SecureRandom seededRandom() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            random = new SecureRandom(); // every JDK since 9 has DRBG; keep working on one without it
        }
        random.nextBytes(new byte[1]); // instantiates and seeds it now
        return random;
    }

    /** A fresh random ticket in the service's format, e.g. {@code 7T:sim-Qm9vYmFy...}. */
    static String randomTicket() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "7T:sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String host() {
        return host;
    }

    /** The port to bind; 0 for a free one. */
    public int port() {
        return port;
    }

    /** The preconfigured tickets; the first is {@link BatchSimulator#ticket()}. Never empty. */
    public List<String> tickets() {
        return tickets;
    }

    /** Users that AuthenticateUsernamePassword accepts, by user name. */
    public Map<String, User> users() {
        return users;
    }

    /** The application token every request must carry in online mode; {@code null} when not online. */
    public String applicationToken() {
        return applicationToken;
    }

    /** Whether requests must carry the configured application token, as SuperOffice Online demands. */
    public boolean online() {
        return applicationToken != null;
    }

    public Map<String, TaskType> taskTypes() {
        return taskTypes;
    }

    /** The type of tasks with this name (case-insensitive), when configured. */
    public Optional<TaskType> taskType(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(taskTypes.get(key(name)));
    }

    public boolean acceptUnknownTaskNames() {
        return acceptUnknownTaskNames;
    }

    /** The clock; a manual clock is shared by every simulator started with this configuration. */
    public SimulatorClock clock() {
        return clock;
    }

    /** How long tasks of unconfigured names run. */
    public Duration defaultDuration() {
        return defaultDuration;
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The most tasks kept; beyond it, finished tasks are evicted first, oldest first. */
    public int capacity() {
        return capacity;
    }

    public int maxRecordedRequests() {
        return maxRecordedRequests;
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.tickets.addAll(tickets);
        b.users.putAll(users);
        b.applicationToken = applicationToken;
        b.taskTypes.putAll(taskTypes);
        b.acceptUnknownTaskNames = acceptUnknownTaskNames;
        b.clock = clock;
        b.defaultDuration = defaultDuration;
        b.maxRequestBytes = maxRequestBytes;
        b.capacity = capacity;
        b.maxRecordedRequests = maxRecordedRequests;
        return b;
    }

    /** Never shows tickets, passwords or the application token. */
    @Override
    public String toString() {
        return "SimulatorConfig[host=" + host + ", port=" + port + ", tickets=" + tickets.size() + ", users="
                + users.keySet() + ", online=" + online() + ", taskTypes=" + taskTypes.keySet() + ", clock=" + clock
                + ", maxRequestBytes=" + maxRequestBytes + ", capacity=" + capacity + "]";
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A user AuthenticateUsernamePassword accepts. */
    public static final class User {
        private final String password;
        private final int associateId;

        User(String password, int associateId) {
            this.password = Objects.requireNonNull(password, "password");
            this.associateId = associateId;
        }

        boolean passwordMatches(String candidate) {
            return candidate != null && java.security.MessageDigest.isEqual(
                    password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public int associateId() {
            return associateId;
        }

        @Override
        public String toString() {
            return "User[associateId=" + associateId + "]";
        }
    }

    /** Builds a {@link SimulatorConfig}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Set<String> tickets = new LinkedHashSet<>();
        private final Map<String, User> users = new LinkedHashMap<>();
        private String applicationToken;
        private final Map<String, TaskType> taskTypes = new LinkedHashMap<>();
        private boolean acceptUnknownTaskNames = true;
        private SimulatorClock clock = SimulatorClock.system();
        private Duration defaultDuration = DEFAULT_DURATION;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int capacity = DEFAULT_CAPACITY;
        private int maxRecordedRequests = DEFAULT_MAX_RECORDED_REQUESTS;

        private Builder() {
        }

        /** The interface to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} to serve other hosts). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to bind; 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds a ticket the simulator accepts from the start; the first added is the simulator's ticket(). */
        public Builder ticket(String ticket) {
            if (ticket == null || ticket.isBlank()) {
                throw new IllegalArgumentException("ticket must not be blank");
            }
            tickets.add(ticket);
            return this;
        }

        /** Adds a user whom AuthenticateUsernamePassword issues tickets to; associate ids are numbered from 2. */
        public Builder user(String username, String password) {
            return user(username, password, users.size() + 2);
        }

        /** Adds a user with a chosen associate id (not 0, which marks system tasks). */
        public Builder user(String username, String password, int associateId) {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("username must not be blank");
            }
            if (associateId <= 0) {
                throw new IllegalArgumentException("associateId must be positive: " + associateId);
            }
            users.put(username, new User(password, associateId));
            return this;
        }

        /** SuperOffice Online mode: every request must carry this application token. */
        public Builder online(String applicationToken) {
            if (applicationToken == null || applicationToken.isBlank()) {
                throw new IllegalArgumentException("applicationToken must not be blank");
            }
            this.applicationToken = applicationToken;
            return this;
        }

        /** How tasks with this {@code Name} (case-insensitive) run. */
        public Builder taskType(String name, TaskType type) {
            taskTypes.put(key(Objects.requireNonNull(name, "name")), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Whether StartBatchJob accepts names without a configured task type (default true). */
        public Builder acceptUnknownTaskNames(boolean accept) {
            this.acceptUnknownTaskNames = accept;
            return this;
        }

        /** A manual clock, starting now; advance it with {@code simulator.clock().advance(...)}. */
        public Builder manualClock() {
            return clock(SimulatorClock.manual());
        }

        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long tasks of unconfigured names run before they succeed (default 3 s). */
        public Builder defaultDuration(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("defaultDuration must not be negative: " + duration);
            }
            this.defaultDuration = duration;
            return this;
        }

        /** Largest request body accepted (default 65,536 bytes); larger ones get HTTP 413. */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 256) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 256: " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** The most tasks kept (default 10,000). */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive: " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** The most requests recorded; older ones are dropped (default 10,000). */
        public Builder maxRecordedRequests(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecordedRequests must not be negative: " + max);
            }
            this.maxRecordedRequests = max;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
