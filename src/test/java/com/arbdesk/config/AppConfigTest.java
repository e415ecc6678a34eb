package com.arbdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    private static final String STRONG = "k9Vq2mXz7LpR4tYw8BnC3dFg6HjK1sAe5uIo0QxZ";

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("NOWPAYMENTS_API_KEY", "live-key");
        env.put("NOWPAYMENTS_IPN_SECRET", "ipn-secret-from-dashboard");
        env.put("APP_BASE_URL", "https://desk.example.com/");
        env.put("JWT_SECRET", STRONG);
        return env;
    }

    @Test
    void noKeysMeansDemoModeWithBuiltInSandboxAndWarnings() {
        AppConfig c = ConfigReader.resolve(Map.of(), Map.of(), Map.of());
        assertEquals(AppMode.DEMO, c.mode());
        assertEquals(8080, c.port());
        assertEquals("http://localhost:8080", c.baseUrl());
        assertEquals("http://localhost:8080/sandbox/nowpayments/v1", c.nowPaymentsApiUrl());
        assertEquals(Path.of("data/arbdesk.db"), c.databasePath());
        assertTrue(c.jwtSecret().length() >= AppConfig.MIN_SECRET_BYTES);
        assertEquals(c.jwtSecret(), c.wsSecret(), "WS_SECRET defaults to JWT_SECRET");
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("DEMO MODE")));
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("JWT_SECRET is not set")));
    }

    @Test
    void anIsolatedLoadReadsTheOverridesAloneNotTheConfFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("arbdesk.properties");
        Files.writeString(conf, "DATABASE_PATH=/srv/deployment.db\nDATABASE_URL=jdbc:postgresql://db.internal/arbdesk\n");
        if (System.getenv("DATABASE_PATH") == null) { // the environment beats the conf file in a normal load
            AppConfig normal = ConfigReader.load(Map.of("ARBDESK_CONF", conf.toString()), "");
            assertEquals(Path.of("/srv/deployment.db"), normal.databasePath(), "the conf file is read by a normal load");
        }
        AppConfig isolated = ConfigReader.load(Map.of(ConfigReader.ISOLATED, "true", "ARBDESK_CONF", conf.toString(),
                "DATABASE_PATH", dir.resolve("training.db").toString()), "");
        assertEquals(dir.resolve("training.db"), isolated.databasePath());
        assertTrue(isolated.databaseServer().isEmpty(), "no DATABASE_URL from the conf file");
        assertEquals(AppMode.DEMO, isolated.mode());
    }

    @Test
    void generatedSecretsDifferPerStart() {
        assertNotEquals(ConfigReader.resolve(Map.of(), Map.of(), Map.of()).jwtSecret(),
                ConfigReader.resolve(Map.of(), Map.of(), Map.of()).jwtSecret());
    }

    @Test
    void overridesBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() {
        Map<String, String> file = Map.of("PORT", "7000", "DATABASE_PATH", "/file/db", "APP_BASE_URL", "http://file:1");
        Map<String, String> env = Map.of("PORT", "7100", "DATABASE_PATH", "/env/db");
        Map<String, String> over = Map.of("PORT", "7200");
        AppConfig c = ConfigReader.resolve(over, env, file);
        assertEquals(7200, c.port());
        assertEquals(Path.of("/env/db"), c.databasePath());
        assertEquals("http://file:1", c.baseUrl());
    }

    @Test
    void readsTheConfFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("arbdesk.properties");
        Files.writeString(conf, "# comment\nport = 9191\nDATABASE_PATH=/tmp/x.db\n");
        AppConfig c = ConfigReader.resolve(Map.of(), Map.of(), ConfigValues.readProperties(conf));
        assertEquals(9191, c.port());
        assertEquals(Path.of("/tmp/x.db"), c.databasePath());
        assertTrue(ConfigValues.readProperties(dir.resolve("missing.properties")).isEmpty());
    }

    @Test
    void anApiKeyMeansProductionUnlessAppModeSaysOtherwise() {
        assertEquals(AppMode.PRODUCTION, ConfigReader.resolve(Map.of(), production(), Map.of()).mode());
        Map<String, String> env = new HashMap<>(Map.of("NOWPAYMENTS_API_KEY", "k", "APP_MODE", "demo"));
        assertEquals(AppMode.DEMO, ConfigReader.resolve(Map.of(), env, Map.of()).mode());
    }

    @Test
    void productionAcceptsStrongSettingsAndUsesTheRealProvider() {
        AppConfig c = ConfigReader.resolve(Map.of(), production(), Map.of());
        assertEquals("https://desk.example.com", c.baseUrl());
        assertEquals("https://api.nowpayments.io/v1", c.nowPaymentsApiUrl());
        assertTrue(c.secureCookies());
        assertFalse(c.warnings().stream().anyMatch(w -> w.contains("DEMO")));
    }

    @Test
    void productionFailsFastNamingTheMissingOrWeakVariable() {
        for (String key : new String[] {"JWT_SECRET", "NOWPAYMENTS_IPN_SECRET", "APP_BASE_URL"}) {
            Map<String, String> env = production();
            env.remove(key);
            env.put("APP_MODE", "production");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), env, Map.of()));
            assertTrue(e.getMessage().startsWith(key), e.getMessage());
        }
        Map<String, String> weak = production();
        weak.put("JWT_SECRET", "short-secret");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), weak, Map.of()))
                .getMessage().contains("JWT_SECRET is too weak"));
        Map<String, String> repetitive = production();
        repetitive.put("JWT_SECRET", "a".repeat(64));
        assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), repetitive, Map.of()));
        Map<String, String> weakAdmin = production();
        weakAdmin.put("ADMIN_EMAIL", "ops@example.com");
        weakAdmin.put("ADMIN_PASSWORD", "short");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), weakAdmin, Map.of()))
                .getMessage().contains("ADMIN_PASSWORD"));
    }

    @Test
    void malformedValuesAreRejectedClearly() {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("PORT", "eighty"), Map.of(), Map.of()))
                .getMessage().contains("PORT"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("APP_MODE", "staging"), Map.of(), Map.of()))
                .getMessage().contains("APP_MODE"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("APP_BASE_URL", "ftp://x"), Map.of(), Map.of()))
                .getMessage().contains("APP_BASE_URL"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("ADMIN_EMAIL", "a@b.c"), Map.of(), Map.of()))
                .getMessage().contains("ADMIN_PASSWORD"));
    }

    @Test
    void reconcilerSettingsHaveDefaultsAndStrictParsing() {
        AppConfig.Reconcile r = ConfigReader.resolve(Map.of(), Map.of(), Map.of()).reconcile();
        assertEquals(java.time.Duration.ofSeconds(10), r.interval());
        assertEquals(30, r.backoff().size(), "1, 2, 5, 10, 30 minutes, 24 hours, then 6 hours");
        assertEquals(java.time.Duration.ofHours(6), r.backoff().get(29));
        assertEquals(new java.math.BigDecimal("2"), r.requestsPerSecond());
        assertEquals(java.time.Duration.ofDays(1), r.grace());
        assertEquals(new java.math.BigDecimal("3"), ConfigReader.resolve(Map.of(), Map.of(), Map.of()).nowPaymentsCreatePerSecond(),
                "the provider's documented limit for POST /payment");
        AppConfig.Reconcile custom = ConfigReader.resolve(Map.of("RECONCILE_BACKOFF", "30s, 2m*2 ,1d", "RECONCILE_REQUESTS_PER_SECOND",
                "0.5"), Map.of(), Map.of()).reconcile();
        assertEquals(List.of(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(2),
                java.time.Duration.ofDays(1)), custom.backoff());
        for (String bad : List.of("", "5", "1m,", "0s", "1w", "1h*0", "31d")) {
            assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("RECONCILE_BACKOFF", bad.isEmpty() ? "," : bad),
                    Map.of(), Map.of())).getMessage().contains("RECONCILE_BACKOFF"), bad);
        }
        for (String bad : List.of("0", "-1", "fast", "5000")) {
            assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("RECONCILE_REQUESTS_PER_SECOND", bad),
                    Map.of(), Map.of())).getMessage().contains("RECONCILE_REQUESTS_PER_SECOND"), bad);
        }
    }

    @Test
    void arbitrageSettingsHaveOfflineDefaultsAndStrictOverrides() {
        AppConfig.Arbitrage a = ConfigReader.resolve(Map.of(), Map.of(), Map.of()).arbitrage();
        assertEquals("simulated", a.source());
        assertEquals(6, a.pairs().size());
        assertTrue(a.takerFees().isEmpty());
        AppConfig.Arbitrage custom = ConfigReader.resolve(Map.of("ARBITRAGE_PAIRS", "btc/usdt, eth/btc", "ARBITRAGE_TAKER_FEES",
                "Kraken=0.0026", "ARBITRAGE_WITHDRAWAL_FEES", "btc=0.0002"), Map.of(), Map.of()).arbitrage();
        assertEquals(List.of("BTC/USDT", "ETH/BTC"), custom.pairs());
        assertEquals(new java.math.BigDecimal("0.0026"), custom.takerFees().get("kraken"));
        assertEquals(new java.math.BigDecimal("0.0002"), custom.withdrawalFees().get("BTC"));
        for (Map<String, String> bad : List.of(Map.of("ARBITRAGE_SOURCE", "magic"), Map.of("ARBITRAGE_PAIRS", "BTCUSDT"),
                Map.of("ARBITRAGE_TAKER_FEES", "kraken:0.1"), Map.of("ARBITRAGE_MAX_SPREAD_PCT", "lots"))) {
            String key = bad.keySet().iterator().next();
            assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(bad, Map.of(), Map.of())).getMessage().contains(key));
        }
    }

    @Test
    void spreadHistoryRetentionDefaultsToAnHourAWeekAndNinetyDaysAndNeverShrinks() {
        AppConfig.ArbitrageHistory h = ConfigReader.resolve(Map.of(), Map.of(), Map.of()).arbitrage().history();
        assertEquals(new AppConfig.ArbitrageHistory(java.time.Duration.ofHours(1), java.time.Duration.ofDays(7),
                java.time.Duration.ofDays(90)), h);
        assertEquals(java.time.Duration.ofDays(30), ConfigReader.resolve(Map.of("ARBITRAGE_HISTORY_HOURLY_DAYS", "30"), Map.of(),
                Map.of()).arbitrage().history().hours());
        for (Map<String, String> bad : List.of(Map.of("ARBITRAGE_HISTORY_MINUTE_DAYS", "30", "ARBITRAGE_HISTORY_HOURLY_DAYS", "10"),
                Map.of("ARBITRAGE_HISTORY_FULL_HOURS", "-1"), Map.of("ARBITRAGE_HISTORY_HOURLY_DAYS", "ninety"))) {
            assertThrows(ConfigException.class, () -> ConfigReader.resolve(bad, Map.of(), Map.of()), bad.toString());
        }
    }

    @Test
    void webSocketOriginsAreAListOfUrls() {
        assertEquals(List.of("https://a.example.com", "http://b.example.com:8443"), ConfigReader.resolve(
                Map.of("WS_ALLOWED_ORIGINS", " https://a.example.com/, http://b.example.com:8443 "), Map.of(), Map.of()).wsAllowedOrigins());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("WS_ALLOWED_ORIGINS", "not a url"), Map.of(),
                Map.of())).getMessage().contains("WS_ALLOWED_ORIGINS"));
    }

    @Test
    void providerLoginIsOptionalButComesInPairs() {
        assertTrue(ConfigReader.resolve(Map.of(), Map.of(), Map.of()).nowPaymentsEmail().isEmpty());
        AppConfig c = ConfigReader.resolve(Map.of("NOWPAYMENTS_EMAIL", "m@x.io", "NOWPAYMENTS_PASSWORD", "pw"), Map.of(), Map.of());
        assertEquals("m@x.io", c.nowPaymentsEmail().orElseThrow());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of("NOWPAYMENTS_EMAIL", "m@x.io"), Map.of(), Map.of()))
                .getMessage().contains("NOWPAYMENTS_PASSWORD"));
    }

    @Test
    void toStringNeverShowsSecrets() {
        AppConfig c = ConfigReader.resolve(Map.of(), production(), Map.of());
        assertFalse(c.toString().contains(STRONG));
        assertFalse(c.toString().contains("ipn-secret-from-dashboard"));
    }

    @Test
    void contextPathCompletesTheDefaultBaseUrl() {
        assertEquals("http://localhost:8080/arbdesk", ConfigReader.resolve(Map.of(), Map.of(), Map.of(), "/arbdesk").baseUrl());
    }

    @Test
    void abuseLimitsHaveProductionDefaultsAndCanBeSet() {
        AppConfig.Throttles d = ConfigReader.resolve(Map.of(), production(), Map.of()).throttles();
        assertEquals(new AppConfig.Throttles(30, 5, java.time.Duration.ofMinutes(15), 10, 30), d);
        Map<String, String> env = production();
        env.put("SIGNUPS_PER_ADDRESS_PER_HOUR", "100");
        env.put("LOGIN_FAILURE_WINDOW_SECONDS", "600");
        AppConfig.Throttles set = ConfigReader.resolve(Map.of(), env, Map.of()).throttles();
        assertEquals(100, set.signupsPerAddressPerHour());
        assertEquals(java.time.Duration.ofMinutes(10), set.loginFailureWindow());
        env.put("LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", "0");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), env, Map.of())).getMessage()
                .contains("LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS"));
    }
}
