package com.arbdesk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ArbDesk's typed, immutable configuration: the settings after parsing and checking. {@link ConfigReader}
 * reads and validates them; the list of setting keys is {@link #KEYS}, here and nowhere else.
 */
public record AppConfig(
        AppMode mode,
        int port,
        String baseUrl,
        Path databasePath,
        Optional<DatabaseServer> databaseServer,
        String jwtSecret,
        String wsSecret,
        String nowPaymentsApiKey,
        String nowPaymentsIpnSecret,
        String nowPaymentsApiUrl,
        java.math.BigDecimal ipnMaxAmount,
        java.math.BigDecimal nowPaymentsCreatePerSecond,
        Optional<String> nowPaymentsEmail,
        Optional<String> nowPaymentsPassword,
        Optional<String> adminEmail,
        Optional<String> adminPassword,
        Sandbox sandbox,
        Reconcile reconcile,
        List<String> wsAllowedOrigins,
        Arbitrage arbitrage,
        Alerts alerts,
        Throttles throttles,
        Operations ops,
        List<String> warnings) {

    /**
     * How ArbDesk is run and watched: the log format; how old the provider check may be before the readiness
     * check asks the provider again; the reverse proxies whose X-Forwarded-For/-Proto are believed; and, when
     * not empty, the only addresses IPNs are taken from; who may read /metrics (a bearer token, addresses); how long
     * the IPN log keeps refused (badly signed) IPNs (valid ones are kept for ever).
     */
    public record Operations(LogFormat logFormat, java.time.Duration readyProviderMaxAge, List<Cidr> trustedProxies,
                             List<Cidr> ipnAllowedIps, Optional<String> metricsToken, List<Cidr> metricsAllowedIps,
                             java.time.Duration ipnRejectedRetention) {
    }

    /**
     * Abuse limits per client address: failed logins per address and per account-and-address in a
     * window (the account itself only gets a growing delay, see auth/LoginThrottle), sign-ups per hour
     * and WebSocket tokens per minute.
     */
    public record Throttles(int loginFailuresPerAddress, int loginFailuresPerAccountAndAddress,
                            java.time.Duration loginFailureWindow, int signupsPerAddressPerHour,
                            int wsTokensPerAddressPerMinute) {
    }

    /**
     * The arbitrage scanner: market data source ("simulated", the offline default, or "live"), the
     * exchanges and pairs watched, the poll interval, when a quote is stale or a spread implausible,
     * and fee overrides (taker rate per exchange, withdrawal fee per asset in that asset).
     */
    public record Arbitrage(String source, List<String> exchanges, List<String> pairs, java.time.Duration poll,
                            java.time.Duration maxQuoteAge, java.math.BigDecimal maxSpreadPct,
                            Map<String, java.math.BigDecimal> takerFees, Map<String, java.math.BigDecimal> withdrawalFees,
                            Map<String, String> liveBaseUrls, ArbitrageHistory history) {
    }

    /**
     * Arbitrage alerts: rules per user, rule changes per user per minute, the quiet time of a rule after it fired,
     * firings per user per minute, the webhook's connect/read timeout and the waits before each retry of a failed
     * webhook delivery (after the last one it is given up).
     */
    public record Alerts(int rulesPerUser, int changesPerUserPerMinute, java.time.Duration cooldown, int firingsPerUserPerMinute,
                         java.time.Duration webhookTimeout, List<java.time.Duration> webhookBackoff) {
    }

    /** 10 s, 30 s, 2 min, 10 min and 1 h between the attempts of a webhook delivery. */
    public static final String DEFAULT_WEBHOOK_BACKOFF = "10s,30s,2m,10m,1h";

    /**
     * How long the spread history keeps each resolution: every poll for {@code full}, one-minute buckets up to
     * {@code minutes} old and hourly buckets up to {@code hours} old (each at least the one before).
     */
    public record ArbitrageHistory(java.time.Duration full, java.time.Duration minutes, java.time.Duration hours) {
    }

    /**
     * The reconciler: how often a pass looks for deposits whose check is due, how old a new deposit is
     * at its first check, the backoff ladder between checks (the last step repeats), the provider
     * requests per second it may spend, and the grace after the payment's valid_until during which it
     * still looks for late payments.
     */
    public record Reconcile(java.time.Duration interval, java.time.Duration after, List<java.time.Duration> backoff,
                            java.math.BigDecimal requestsPerSecond, java.time.Duration grace) {
    }

    /**
     * The built-in NOWPayments sandbox: on in demo mode only. {@code stepMillis} is the pause between
     * simulated confirmations; failed IPN deliveries are retried {@code ipnRetries} times,
     * {@code ipnRetryMillis} apart. A payment's quote lapses after {@code quoteSeconds} (its
     * expiration_estimate_date) and an unpaid payment expires by itself after {@code validSeconds}
     * (its valid_until), on the sandbox's own clock. {@code only} serves the sandbox alone
     * ({@code java -jar arbdesk.war sandbox}).
     */
    public record Sandbox(boolean enabled, boolean only, long stepMillis, int ipnRetries, long ipnRetryMillis,
                          long quoteSeconds, long validSeconds) {
    }

    /**
     * A database server shared by several instances (DATABASE_URL, today PostgreSQL); when present it wins over
     * {@link #databasePath}. User and password may also be parameters of the URL. {@link #redactedUrl} is the only
     * form that may be printed.
     */
    public record DatabaseServer(String url, Optional<String> user, Optional<String> password) {
        private static final java.util.regex.Pattern PASSWORD_PARAM =
                java.util.regex.Pattern.compile("(?i)([?&;]password=)[^&;]*");

        /** The URL with a password parameter masked. */
        public String redactedUrl() {
            return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        }

        @Override
        public String toString() {
            return "DatabaseServer[url=" + redactedUrl() + ", user=" + user.orElse("-") + "]";
        }
    }

    /** Where the data lives, for the banner and logs: the server URL without its password, or the SQLite file. */
    public String databaseDescription() {
        return databaseServer.map(DatabaseServer::redactedUrl).orElse(databasePath.toString());
    }

    public static final int MIN_SECRET_BYTES = 32;
    /** 1, 2, 5, 10 and 30 minutes, then hourly for a day, then every 6 hours. */
    public static final String DEFAULT_BACKOFF = "1m,2m,5m,10m,30m,1h*24,6h";
    public static final String DEFAULT_CONF_FILE = "conf/arbdesk.properties";

    /** Every setting ArbDesk reads, in the order the README and .env.example list them. */
    public static final List<String> KEYS = List.of("APP_MODE", "PORT", "APP_BASE_URL", "DATABASE_PATH", "DATABASE_URL",
            "DATABASE_USER", "DATABASE_PASSWORD",
            "JWT_SECRET", "WS_SECRET", "NOWPAYMENTS_API_KEY", "NOWPAYMENTS_IPN_SECRET", "NOWPAYMENTS_API_URL", "IPN_MAX_AMOUNT",
            "NOWPAYMENTS_CREATE_PER_SECOND", "NOWPAYMENTS_EMAIL", "NOWPAYMENTS_PASSWORD", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SANDBOX_ONLY", "SANDBOX_STEP_MILLIS", "SANDBOX_IPN_RETRIES",
            "SANDBOX_IPN_RETRY_MILLIS", "SANDBOX_QUOTE_SECONDS", "SANDBOX_VALID_SECONDS", "RECONCILE_INTERVAL_SECONDS", "RECONCILE_AFTER_SECONDS", "RECONCILE_BACKOFF",
            "RECONCILE_REQUESTS_PER_SECOND", "RECONCILE_GRACE_SECONDS", "WS_ALLOWED_ORIGINS",
            "ARBITRAGE_SOURCE", "ARBITRAGE_EXCHANGES", "ARBITRAGE_PAIRS", "ARBITRAGE_POLL_SECONDS",
            "ARBITRAGE_MAX_QUOTE_AGE_SECONDS", "ARBITRAGE_MAX_SPREAD_PCT", "ARBITRAGE_TAKER_FEES", "ARBITRAGE_WITHDRAWAL_FEES", "ARBITRAGE_LIVE_BASE_URLS",
            "ARBITRAGE_HISTORY_FULL_HOURS", "ARBITRAGE_HISTORY_MINUTE_DAYS", "ARBITRAGE_HISTORY_HOURLY_DAYS",
            "ALERT_RULES_PER_USER", "ALERT_CHANGES_PER_USER_PER_MINUTE", "ALERT_COOLDOWN_SECONDS", "ALERT_FIRINGS_PER_USER_PER_MINUTE",
            "ALERT_WEBHOOK_TIMEOUT_SECONDS", "ALERT_WEBHOOK_BACKOFF",
            "LOGIN_FAILURES_PER_ADDRESS", "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", "LOGIN_FAILURE_WINDOW_SECONDS",
            "SIGNUPS_PER_ADDRESS_PER_HOUR", "WS_TOKENS_PER_ADDRESS_PER_MINUTE", "LOG_FORMAT",
            "READY_PROVIDER_MAX_AGE_SECONDS", "TRUSTED_PROXIES", "NOWPAYMENTS_IPN_ALLOWED_IPS",
            "METRICS_TOKEN", "METRICS_ALLOWED_IPS", "IPN_REJECTED_RETENTION_DAYS");

    public LogFormat logFormat() {
        return ops.logFormat();
    }

    public boolean isDemo() {
        return mode == AppMode.DEMO;
    }

    /** Never prints a secret: records would otherwise include every component. */
    @Override
    public String toString() {
        return "AppConfig[mode=" + mode + ", port=" + port + ", baseUrl=" + baseUrl + ", database=" + databaseDescription()
                + ", nowPaymentsApiUrl=" + nowPaymentsApiUrl + ", adminEmail=" + adminEmail.orElse("-") + "]";
    }

    public boolean secureCookies() {
        return baseUrl.startsWith("https://");
    }
}
