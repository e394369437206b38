package dev.sobatch.simulator;

import java.util.Locale;

/** The two services the simulator answers, found by the end of the path (IIS paths are case-insensitive). */
enum Endpoint {
    BATCH("Remote/Services88/Batch.svc"),
    SO_PRINCIPAL("Remote/Services88/SoPrincipal.svc");

    private final String path;
    private final String lowerSuffix;

    Endpoint(String path) {
        this.path = path;
        this.lowerSuffix = "/" + path.toLowerCase(Locale.ROOT);
    }

    /** The path relative to the site root, e.g. {@code Remote/Services88/Batch.svc}. */
    String path() {
        return path;
    }

    /**
     * The endpoint a request path addresses, with or without a tenant prefix ({@code /Cust12345/Remote/...});
     * {@code null} for any other path.
     */
    static Endpoint forPath(String uri) {
        String p = uri;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        for (Endpoint e : values()) {
            if (lower.endsWith(e.lowerSuffix)) {
                return e;
            }
        }
        return null;
    }
}
