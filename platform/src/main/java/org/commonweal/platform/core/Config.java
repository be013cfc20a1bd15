package org.commonweal.platform.core;

import org.commonweal.platform.core.http.TrustedProxies;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings from the environment. Only PORT and COMMONWEAL_DATA are needed for the embedded database;
 * DATABASE_URL (with DATABASE_USER / DATABASE_PASSWORD) switches to an external PostgreSQL. COMMONWEAL_SHARED_DATA names
 * the shared data folder the demo imports past budgets from (the launcher sets it). UPLOAD_MAX_MB caps a whole multipart
 * request (default {@value #DEFAULT_UPLOAD_MAX_MB}: a little above the largest file any route takes, 10 MB).
 * JOBS_POLL_SECONDS is how often an instance looks for background work that is due (default 10); PHASE_CHECK_SECONDS how
 * often budgets on automatic switching are checked for a phase whose planned date has come (default 60).
 * TRUSTED_PROXIES lists the reverse proxies whose X-Forwarded-For is believed (see {@link TrustedProxies}).
 * METRICS_TOKEN and MANAGEMENT_PORT decide who may read /metrics (see {@code MetricsEndpoint}).
 */
public record Config(int port, Path dataDir, Optional<String> databaseUrl, String databaseUser, String databasePassword,
                     boolean demoMode, String baseUrl, TrustedProxies trustedProxies, Optional<Smtp> smtp, int poolSize,
                     Optional<Path> sharedData, long uploadMaxBytes, Optional<String> metricsToken, OptionalInt managementPort,
                     java.time.Duration jobsPolling, java.time.Duration phaseCheck, Funder funder) {
    /** Room for a 10 MB document or results file plus the form around it; pabulib files are at most 4 MB. */
    public static final int DEFAULT_UPLOAD_MAX_MB = 12;

    /**
     * The council as a funder in published grants data (360Giving): its org-id (FUNDER_ORG_ID, a GB-LAE/GB-LAS/GB-LANI
     * local-authority identifier), its name (FUNDER_NAME) and its registered 360Giving prefix (GRANTS_360G_PREFIX,
     * "360G-" and the council's code), which starts every grant's identifier.
     */
    public record Funder(String orgId, String name, String grantPrefix) {
        public Funder {
            if (!grantPrefix.matches("360G-[A-Za-z0-9._-]+")) throw new ConfigException("GRANTS_360G_PREFIX must be 360G- and your code (got '" + grantPrefix + "')");
            if (!orgId.matches("[A-Z]{2}-[A-Z]{2,5}-\\S+")) throw new ConfigException("FUNDER_ORG_ID must be an org-id such as GB-LAE-ABC (got '" + orgId + "')");
        }
    }

    public record Smtp(String host, int port, String username, String password, String from, boolean startTls) {
    }

    public static Config fromEnvironment(Map<String, String> env, boolean demoMode) {
        int port = intVar(env, "PORT", 7070);
        Path data = Path.of(env.getOrDefault("COMMONWEAL_DATA", "data")).toAbsolutePath();
        Optional<String> url = Optional.ofNullable(env.get("DATABASE_URL")).filter(s -> !s.isBlank()).map(Config::jdbcUrl);
        Optional<Smtp> smtp = Optional.ofNullable(env.get("SMTP_HOST")).filter(s -> !s.isBlank()).map(host -> new Smtp(
                host, intVar(env, "SMTP_PORT", 587), env.getOrDefault("SMTP_USERNAME", ""), env.getOrDefault("SMTP_PASSWORD", ""),
                env.getOrDefault("SMTP_FROM", "commonweal@localhost"), !"false".equalsIgnoreCase(env.get("SMTP_STARTTLS"))));
        return new Config(port, data, url, env.getOrDefault("DATABASE_USER", ""), env.getOrDefault("DATABASE_PASSWORD", ""),
                demoMode, env.getOrDefault("BASE_URL", "http://localhost:" + port), trustedProxies(env),
                smtp, intVar(env, "DATABASE_POOL_SIZE", 16),
                Optional.ofNullable(env.get("COMMONWEAL_SHARED_DATA")).filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath().normalize()),
                intVar(env, "UPLOAD_MAX_MB", DEFAULT_UPLOAD_MAX_MB, 1, 1024) * 1024L * 1024L,
                Optional.ofNullable(env.get("METRICS_TOKEN")).map(String::strip).filter(s -> !s.isEmpty()),
                env.containsKey("MANAGEMENT_PORT") ? OptionalInt.of(intVar(env, "MANAGEMENT_PORT", 0)) : OptionalInt.empty(),
                java.time.Duration.ofSeconds(intVar(env, "JOBS_POLL_SECONDS", 10, 1, 3600)),
                java.time.Duration.ofSeconds(intVar(env, "PHASE_CHECK_SECONDS", 60, 1, 3600)),
                new Funder(env.getOrDefault("FUNDER_ORG_ID", "GB-LAE-RVF"), env.getOrDefault("FUNDER_NAME", "Riverford Council"),
                        env.getOrDefault("GRANTS_360G_PREFIX", "360G-commonweal")));
    }

    /** Accepts both jdbc:postgresql://... and the postgres://user:pass@host/db form that hosting platforms hand out. */
    static String jdbcUrl(String url) {
        if (url.startsWith("jdbc:")) return url;
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3).replaceFirst("^[^@/]*@", "");
        }
        throw new ConfigException("DATABASE_URL must start with jdbc:postgresql:// or postgres:// (got '" + url + "')");
    }

    /** TRUSTED_PROXIES if set; else TRUST_PROXY=true, kept from before there was a list, means proxies on local and private networks. */
    private static TrustedProxies trustedProxies(Map<String, String> env) {
        String list = env.get("TRUSTED_PROXIES");
        if (list == null || list.isBlank()) {
            list = "true".equalsIgnoreCase(env.get("TRUST_PROXY")) ? TrustedProxies.LOCAL_AND_PRIVATE_NETWORKS : "";
        }
        try {
            return TrustedProxies.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        return intVar(env, name, fallback, 0, 65535);
    }

    private static int intVar(Map<String, String> env, String name, int fallback, int min, int max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + " (got '" + v + "')");
        }
    }

    /** A setting the operator got wrong: reported as one line, never as a stack trace. */
    public static class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
