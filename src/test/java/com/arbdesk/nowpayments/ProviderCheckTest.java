package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up check reports each failure in words an admin can act on, and never throws. */
class ProviderCheckTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String STATUS_OK = "{\"message\":\"OK\"}";

    private final StubProvider stub = StubProvider.start();
    private final NowPaymentsClient client = new NowPaymentsClient(NowPaymentsClientTest.settings(stub.baseUrl()));

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void healthyWhenEveryWantedCoinIsEnabled() {
        stub.on("GET /status", 200, STATUS_OK).on("GET /merchant/coins", 200,
                "{\"selectedCurrencies\":[\"" + String.join("\",\"", ProviderCheck.DEPOSIT_TICKERS) + "\",\"ltc\"]}");
        ProviderHealth h = ProviderCheck.run(client, ProviderCheck.DEPOSIT_TICKERS, CLOCK);
        assertTrue(h.healthy(), h.message());
        assertTrue(h.reachable() && h.keyValid());
        assertEquals(14, h.enabledCoins().size(), "the 13 deposit coins (XRP joined them) and ltc");
        assertTrue(h.missingCoins().isEmpty() && h.hints().isEmpty());
        assertEquals(NOW, h.checkedAt());
        assertEquals(List.of("GET /status", "GET /merchant/coins"),
                stub.requests().stream().map(r -> r.method() + " " + r.path()).toList());
    }

    @Test
    void invalidKeyGivesOneClearMessage() {
        stub.on("GET /status", 200, STATUS_OK).on("GET /merchant/coins", 403, ProviderSamples.ERROR_INVALID_API_KEY);
        ProviderHealth h = ProviderCheck.run(client, ProviderCheck.DEPOSIT_TICKERS, CLOCK);
        assertFalse(h.healthy());
        assertTrue(h.reachable());
        assertFalse(h.keyValid());
        assertEquals("NOWPayments rejected the API key: check NOWPAYMENTS_API_KEY in the NOWPayments dashboard"
                + " (production and sandbox keys differ).", h.message());
        assertTrue(h.hints().isEmpty());
    }

    @Test
    void noEnabledCoins() {
        stub.on("GET /status", 200, STATUS_OK).on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[]}");
        ProviderHealth h = ProviderCheck.run(client, List.of("btc"), CLOCK);
        assertFalse(h.healthy());
        assertTrue(h.keyValid());
        assertTrue(h.message().startsWith("No coins are enabled"), h.message());
        assertEquals(List.of("btc"), h.missingCoins());
    }

    @Test
    void missingWantedCoinsAreListedAsHints() {
        stub.on("GET /status", 200, STATUS_OK).on("GET /merchant/coins", 200, "{\"currencies\":[\"btc\",\"usdttrc20\"]}");
        ProviderHealth h = ProviderCheck.run(client, List.of("USDTTRC20", "btc", "usdtbsc", "eth"), CLOCK);
        assertFalse(h.healthy());
        assertTrue(h.reachable() && h.keyValid());
        assertEquals(List.of("usdtbsc", "eth"), h.missingCoins());
        assertEquals(List.of(
                "Enable USDTBSC in the NOWPayments dashboard (Settings > Coins) to offer it",
                "Enable ETH in the NOWPayments dashboard (Settings > Coins) to offer it"), h.hints());
        assertTrue(h.message().contains("2 of the 4"), h.message());
    }

    @Test
    void providerDownIsReportedNotThrown() {
        NowPaymentsClient closed = new NowPaymentsClient(
                NowPaymentsClientTest.settings("http://127.0.0.1:" + StubProvider.closedPort() + "/v1"));
        ProviderHealth h = ProviderCheck.run(closed, ProviderCheck.DEPOSIT_TICKERS, CLOCK);
        assertFalse(h.reachable());
        assertFalse(h.healthy());
        assertTrue(h.message().startsWith("NOWPayments could not be reached"), h.message());
        assertEquals(NOW, h.checkedAt());
    }

    @Test
    void otherFailuresAreReportedNotThrown() {
        stub.on("GET /status", 200, "{\"message\":\"maintenance\"}");
        assertFalse(ProviderCheck.run(client, List.of("btc"), CLOCK).reachable());

        StubProvider second = StubProvider.start();
        try (second) {
            second.on("GET /status", 200, STATUS_OK).onHtml("GET /merchant/coins", 200, "<html>oops</html>");
            NowPaymentsClient c = new NowPaymentsClient(NowPaymentsClientTest.settings(second.baseUrl()));
            ProviderHealth h = ProviderCheck.run(c, null, null);
            assertTrue(h.reachable());
            assertFalse(h.healthy());
            assertTrue(h.message().contains("UNEXPECTED"), h.message());
        }
        assertFalse(ProviderCheck.run(null, List.of(), CLOCK).healthy());
    }
}
