package com.arbdesk.config;

import static com.arbdesk.config.ConfigValues.decimals;
import static com.arbdesk.config.ConfigValues.firstNonBlank;
import static com.arbdesk.config.ConfigValues.list;
import static com.arbdesk.config.ConfigValues.origins;
import static com.arbdesk.config.ConfigValues.parseLong;
import static com.arbdesk.config.ConfigValues.parsePort;
import static com.arbdesk.config.ConfigValues.randomSecret;
import static com.arbdesk.config.ConfigValues.readProperties;
import static com.arbdesk.config.ConfigValues.requirePresent;
import static com.arbdesk.config.ConfigValues.requireStrong;
import static com.arbdesk.config.ConfigValues.stretch;
import static com.arbdesk.config.ConfigValues.stripTrailingSlash;
import static com.arbdesk.config.ConfigValues.urls;
import static com.arbdesk.config.ConfigValues.validateUrl;

import com.arbdesk.config.AppConfig.Arbitrage;
import com.arbdesk.config.AppConfig.Reconcile;
import com.arbdesk.config.AppConfig.Sandbox;
import com.arbdesk.config.AppConfig.Throttles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only reader of the environment: each value comes from the first source that has it (embedding
 * overrides, i.e. servlet context parameters set by the launcher and tests; environment variables;
 * conf/arbdesk.properties; then defaults), is parsed and checked, and lands in an {@link AppConfig}.
 * Production refuses missing or weak secrets here.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    /**
     * The override by which the embedded launcher's class-archive training start asks for the overrides alone: no
     * environment and no conf file, so nothing of the deployment it runs in (database, provider keys) is used.
     */
    public static final String ISOLATED = "ISOLATED_CONFIG";

    /**
     * Loads from the real environment and the conf file named by ARBDESK_CONF (default conf/arbdesk.properties), or
     * from the overrides alone when they hold {@link #ISOLATED} = true.
     */
    public static AppConfig load(Map<String, String> overrides, String contextPath) {
        if ("true".equals(overrides.get(ISOLATED))) {
            return resolve(overrides, Map.of(), Map.of(), contextPath);
        }
        Map<String, String> env = System.getenv();
        Path conf = Path.of(firstNonBlank(overrides.get("ARBDESK_CONF"), env.get("ARBDESK_CONF"), AppConfig.DEFAULT_CONF_FILE));
        return resolve(overrides, env, readProperties(conf), contextPath);
    }

    public static AppConfig resolve(Map<String, String> overrides, Map<String, String> env, Map<String, String> file) {
        return resolve(overrides, env, file, "");
    }

    /**
     * Resolves a configuration from explicit sources; pure, so tests need no environment. The
     * context path completes the default base URL when the WAR is deployed under a name.
     */
    public static AppConfig resolve(Map<String, String> overrides, Map<String, String> env, Map<String, String> file,
                                    String contextPath) {
        Map<String, String> v = new HashMap<>();
        for (String key : AppConfig.KEYS) {
            String value = firstNonBlank(overrides.get(key), env.get(key), file.get(key), null);
            if (value != null) {
                v.put(key, value.trim());
            }
        }
        List<String> warnings = new ArrayList<>();
        String apiKey = v.get("NOWPAYMENTS_API_KEY");
        AppMode mode = v.containsKey("APP_MODE") ? AppMode.parse(v.get("APP_MODE"))
                : (apiKey == null ? AppMode.DEMO : AppMode.PRODUCTION);
        int port = parsePort(v.getOrDefault("PORT", "8080"));
        String baseUrl = v.get("APP_BASE_URL");
        if (mode == AppMode.PRODUCTION) {
            requirePresent(v, "APP_BASE_URL", "the public https URL NOWPayments sends IPNs to");
            requirePresent(v, "NOWPAYMENTS_API_KEY", "the API key from the NOWPayments dashboard");
            requirePresent(v, "NOWPAYMENTS_IPN_SECRET", "the IPN secret from the NOWPayments dashboard");
            requireStrong(v, "JWT_SECRET");
            if (v.containsKey("WS_SECRET")) {
                requireStrong(v, "WS_SECRET");
            }
            if (v.containsKey("ADMIN_PASSWORD") && v.get("ADMIN_PASSWORD").length() < 12) {
                throw new ConfigException("ADMIN_PASSWORD must be at least 12 characters in production mode");
            }
        }
        baseUrl = stripTrailingSlash(baseUrl == null ? "http://localhost:" + port + contextPath : baseUrl);
        validateUrl("APP_BASE_URL", baseUrl);

        String jwtSecret = v.get("JWT_SECRET");
        if (jwtSecret == null) {
            jwtSecret = randomSecret();
            warnings.add("JWT_SECRET is not set: using a random secret for this run (sessions end at restart)");
        } else if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < AppConfig.MIN_SECRET_BYTES) {
            warnings.add("JWT_SECRET is shorter than " + AppConfig.MIN_SECRET_BYTES + " bytes: fine for a demo, refused in production");
            jwtSecret = stretch(jwtSecret);
        }
        String wsSecret = v.containsKey("WS_SECRET") ? stretch(v.get("WS_SECRET")) : jwtSecret;

        String ipnSecret = v.get("NOWPAYMENTS_IPN_SECRET");
        if (ipnSecret == null) {
            ipnSecret = randomSecret();
            warnings.add("NOWPAYMENTS_IPN_SECRET is not set: the built-in sandbox signs IPNs with a random secret");
        }
        String apiUrl = stripTrailingSlash(v.getOrDefault("NOWPAYMENTS_API_URL",
                mode == AppMode.DEMO ? baseUrl + "/sandbox/nowpayments/v1" : "https://api.nowpayments.io/v1"));
        validateUrl("NOWPAYMENTS_API_URL", apiUrl);
        if (apiKey == null) {
            apiKey = "sandbox-" + randomSecret().substring(0, 16);
        }
        if (mode == AppMode.DEMO) {
            warnings.add("DEMO MODE: offline sandbox payments and seeded demo logins. Never use this mode with real money.");
        }
        String adminEmail = v.get("ADMIN_EMAIL");
        String adminPassword = v.get("ADMIN_PASSWORD");
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new ConfigException("ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
        }
        Path db = Path.of(v.getOrDefault("DATABASE_PATH", "data/arbdesk.db"));
        Optional<AppConfig.DatabaseServer> dbServer = databaseServer(v);
        boolean sandboxOnly = Boolean.parseBoolean(v.getOrDefault("SANDBOX_ONLY", "false"));
        if (sandboxOnly && mode != AppMode.DEMO) {
            throw new ConfigException("SANDBOX_ONLY needs demo mode: the sandbox is off in production");
        }
        Sandbox sandbox = new Sandbox(mode == AppMode.DEMO, sandboxOnly,
                parseLong(v, "SANDBOX_STEP_MILLIS", 2_500, 0, 600_000),
                (int) parseLong(v, "SANDBOX_IPN_RETRIES", 3, 0, 20),
                parseLong(v, "SANDBOX_IPN_RETRY_MILLIS", 10_000, 10, 3_600_000),
                parseLong(v, "SANDBOX_QUOTE_SECONDS", 1_200, 1, 86_400),
                parseLong(v, "SANDBOX_VALID_SECONDS", 7 * 86_400, 1, 30 * 86_400));
        if (v.containsKey("NOWPAYMENTS_EMAIL") != v.containsKey("NOWPAYMENTS_PASSWORD")) {
            throw new ConfigException("NOWPAYMENTS_EMAIL and NOWPAYMENTS_PASSWORD must be set together");
        }
        Reconcile reconcile = new Reconcile(
                java.time.Duration.ofSeconds(parseLong(v, "RECONCILE_INTERVAL_SECONDS", 10, 1, 86_400)),
                java.time.Duration.ofSeconds(parseLong(v, "RECONCILE_AFTER_SECONDS", 120, 0, 86_400)),
                Durations.ladder("RECONCILE_BACKOFF", v.getOrDefault("RECONCILE_BACKOFF", AppConfig.DEFAULT_BACKOFF)),
                Durations.rate("RECONCILE_REQUESTS_PER_SECOND", v.getOrDefault("RECONCILE_REQUESTS_PER_SECOND", "2")),
                java.time.Duration.ofSeconds(parseLong(v, "RECONCILE_GRACE_SECONDS", 86_400, 0, 30 * 86_400L)));
        return new AppConfig(mode, port, baseUrl, db, dbServer, jwtSecret, wsSecret, apiKey, ipnSecret, apiUrl, ipnMaxAmount(v),
                Durations.rate("NOWPAYMENTS_CREATE_PER_SECOND", v.getOrDefault("NOWPAYMENTS_CREATE_PER_SECOND", "3")),
                Optional.ofNullable(v.get("NOWPAYMENTS_EMAIL")), Optional.ofNullable(v.get("NOWPAYMENTS_PASSWORD")),
                Optional.ofNullable(adminEmail), Optional.ofNullable(adminPassword), sandbox, reconcile, origins(v.get("WS_ALLOWED_ORIGINS")),
                arbitrage(v), alerts(v), throttles(v), operations(v), List.copyOf(warnings));
    }

    /** The largest amount an IPN may carry in any amount field; beyond it no real payment exists. */
    private static java.math.BigDecimal ipnMaxAmount(Map<String, String> v) {
        String raw = v.getOrDefault("IPN_MAX_AMOUNT", "1000000000");
        try {
            java.math.BigDecimal cap = new java.math.BigDecimal(raw);
            if (cap.signum() <= 0 || cap.compareTo(new java.math.BigDecimal("1e15")) > 0) {
                throw new NumberFormatException();
            }
            return cap;
        } catch (NumberFormatException e) {
            throw new ConfigException("IPN_MAX_AMOUNT must be a positive number up to 1e15, not '" + raw + "'");
        }
    }

    private static AppConfig.Operations operations(Map<String, String> v) {
        return new AppConfig.Operations(LogFormat.parse(v.getOrDefault("LOG_FORMAT", "human")),
                java.time.Duration.ofSeconds(parseLong(v, "READY_PROVIDER_MAX_AGE_SECONDS", 60, 1, 86_400)),
                Cidr.list("TRUSTED_PROXIES", v.get("TRUSTED_PROXIES")),
                Cidr.list("NOWPAYMENTS_IPN_ALLOWED_IPS", v.get("NOWPAYMENTS_IPN_ALLOWED_IPS")),
                metricsToken(v), Cidr.list("METRICS_ALLOWED_IPS", v.get("METRICS_ALLOWED_IPS")),
                java.time.Duration.ofDays(parseLong(v, "IPN_REJECTED_RETENTION_DAYS", 30, 1, 3650)));
    }

    private static Optional<String> metricsToken(Map<String, String> v) {
        String token = v.get("METRICS_TOKEN");
        if (token != null && token.length() < 16) {
            throw new ConfigException("METRICS_TOKEN must be at least 16 characters (a random token for the scraper)");
        }
        return Optional.ofNullable(token);
    }

    private static AppConfig.Alerts alerts(Map<String, String> v) {
        return new AppConfig.Alerts((int) parseLong(v, "ALERT_RULES_PER_USER", 20, 1, 1_000),
                (int) parseLong(v, "ALERT_CHANGES_PER_USER_PER_MINUTE", 30, 1, 100_000),
                java.time.Duration.ofSeconds(parseLong(v, "ALERT_COOLDOWN_SECONDS", 60, 0, 86_400)),
                (int) parseLong(v, "ALERT_FIRINGS_PER_USER_PER_MINUTE", 10, 1, 10_000),
                java.time.Duration.ofSeconds(parseLong(v, "ALERT_WEBHOOK_TIMEOUT_SECONDS", 5, 1, 60)),
                Durations.ladder("ALERT_WEBHOOK_BACKOFF", v.getOrDefault("ALERT_WEBHOOK_BACKOFF", AppConfig.DEFAULT_WEBHOOK_BACKOFF)));
    }

    private static Throttles throttles(Map<String, String> v) {
        return new Throttles((int) parseLong(v, "LOGIN_FAILURES_PER_ADDRESS", 30, 1, 1_000_000),
                (int) parseLong(v, "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", 5, 1, 1_000),
                java.time.Duration.ofSeconds(parseLong(v, "LOGIN_FAILURE_WINDOW_SECONDS", 900, 60, 86_400)),
                (int) parseLong(v, "SIGNUPS_PER_ADDRESS_PER_HOUR", 10, 1, 1_000_000),
                (int) parseLong(v, "WS_TOKENS_PER_ADDRESS_PER_MINUTE", 30, 1, 1_000_000));
    }

    private static Arbitrage arbitrage(Map<String, String> v) {
        String source = v.getOrDefault("ARBITRAGE_SOURCE", "simulated").toLowerCase(Locale.ROOT);
        if (!source.equals("simulated") && !source.equals("live")) {
            throw new ConfigException("ARBITRAGE_SOURCE must be 'simulated' or 'live', not '" + source + "'");
        }
        List<String> exchanges = list(v.getOrDefault("ARBITRAGE_EXCHANGES", "binance,kraken,kucoin,okx,bitstamp"), false);
        List<String> pairs = list(v.getOrDefault("ARBITRAGE_PAIRS", "BTC/USDT,ETH/USDT,ETH/BTC,SOL/USDT,XRP/USDT,USDC/USDT"), true);
        for (String p : pairs) {
            if (!p.matches("[A-Z0-9]{2,10}/[A-Z0-9]{2,10}")) {
                throw new ConfigException("ARBITRAGE_PAIRS entries look like BTC/USDT, not '" + p + "'");
            }
        }
        java.math.BigDecimal maxSpread;
        try {
            maxSpread = new java.math.BigDecimal(v.getOrDefault("ARBITRAGE_MAX_SPREAD_PCT", "5"));
        } catch (NumberFormatException e) {
            throw new ConfigException("ARBITRAGE_MAX_SPREAD_PCT must be a number of percent, like 5");
        }
        return new Arbitrage(source, exchanges, pairs,
                java.time.Duration.ofSeconds(parseLong(v, "ARBITRAGE_POLL_SECONDS", 3, 1, 3600)),
                java.time.Duration.ofSeconds(parseLong(v, "ARBITRAGE_MAX_QUOTE_AGE_SECONDS", 10, 1, 3600)), maxSpread,
                decimals("ARBITRAGE_TAKER_FEES", v.get("ARBITRAGE_TAKER_FEES"), false),
                decimals("ARBITRAGE_WITHDRAWAL_FEES", v.get("ARBITRAGE_WITHDRAWAL_FEES"), true),
                urls(v.get("ARBITRAGE_LIVE_BASE_URLS")), history(v));
    }

    private static AppConfig.ArbitrageHistory history(Map<String, String> v) {
        long full = parseLong(v, "ARBITRAGE_HISTORY_FULL_HOURS", 1, 0, 24);
        long minutes = parseLong(v, "ARBITRAGE_HISTORY_MINUTE_DAYS", 7, 0, 90);
        long hours = parseLong(v, "ARBITRAGE_HISTORY_HOURLY_DAYS", 90, 0, 3650);
        if (full > minutes * 24 || minutes > hours) {
            throw new ConfigException("ARBITRAGE_HISTORY_FULL_HOURS, ARBITRAGE_HISTORY_MINUTE_DAYS and ARBITRAGE_HISTORY_HOURLY_DAYS "
                    + "must not shrink from one to the next (each is how old a finer row may get), not " + full + "h, "
                    + minutes + "d, " + hours + "d");
        }
        return new AppConfig.ArbitrageHistory(java.time.Duration.ofHours(full), java.time.Duration.ofDays(minutes),
                java.time.Duration.ofDays(hours));
    }

    /** DATABASE_URL selects a PostgreSQL server (and wins over DATABASE_PATH); user and password only go with it. */
    static Optional<AppConfig.DatabaseServer> databaseServer(Map<String, String> v) {
        String url = v.get("DATABASE_URL");
        Optional<String> user = Optional.ofNullable(v.get("DATABASE_USER")).filter(s -> !s.isBlank());
        Optional<String> password = Optional.ofNullable(v.get("DATABASE_PASSWORD")).filter(s -> !s.isEmpty());
        if (url == null || url.isBlank()) {
            if (user.isPresent() || password.isPresent()) {
                throw new ConfigException("DATABASE_USER and DATABASE_PASSWORD need DATABASE_URL (jdbc:postgresql://...)");
            }
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            // never echo the value: it may carry a password parameter
            throw new ConfigException("DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return Optional.of(new AppConfig.DatabaseServer(url.trim(), user, password));
    }
}
