package dev.sobatch.cli;

/**
 * Configures slf4j-simple through its system properties, which it reads when a logger is first created. The
 * tool is quiet by default; {@code --verbose} turns on the client's wire log ("dev.sobatch.wire", DEBUG) on
 * stderr. Properties the user set with {@code -D} win.
 */
final class Logging {

    static final String WIRE_LOGGER = "dev.sobatch.wire";
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean verbose) {
        setIfAbsent(PREFIX + "logFile", "System.err");
        setIfAbsent(PREFIX + "defaultLogLevel", "error");
        setIfAbsent(PREFIX + "showThreadName", "false");
        if (verbose) {
            setIfAbsent(PREFIX + "log." + WIRE_LOGGER, "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
