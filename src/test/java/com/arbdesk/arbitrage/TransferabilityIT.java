package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transferability flags through the opportunities API, on the live source against loopback exchange stubs:
 * KuCoin's public currency answer closes BTC withdrawals, so the route buying there is not transferable and
 * ranks after the one buying on Binance, which names its network, transfer time and (no past episodes) no odds.
 */
class TransferabilityIT {
    @Test
    void aRouteWhoseCoinCannotLeaveTheBuyExchangeIsMarkedWithItsReasonAndRankedLast() throws Exception {
        try (StubExchangeServer binance = new StubExchangeServer(); StubExchangeServer kucoin = new StubExchangeServer()) {
            try (TestServer live = TestServer.start(TransferStubs.liveOn(binance, kucoin))) {
                TestClient u = live.client().withBearer(live.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
                JsonNode ops = awaitKucoinAnswer(u);
                assertEquals(2, ops.size(), ops.toString());
                JsonNode first = ops.get(0);
                JsonNode last = ops.get(1);
                assertEquals("binance", first.path("buy_exchange").asText(), "the transferable route first: " + ops);
                assertEquals("transferable", first.at("/transfer/status").asText());
                assertEquals("BTC", first.at("/transfer/network").asText());
                assertEquals("BTC", first.at("/transfer/asset").asText());
                assertEquals(2100, first.at("/transfer/time_seconds").asLong(), "3 × 600 s + 300 s processing");
                assertEquals("0.0002", first.at("/transfer/withdrawal_fee").asText(), "binance's fee from the default table");
                assertTrue(first.at("/transfer/capture_odds_pct").isNull(), "no past episodes yet: " + first);
                assertEquals(0, first.at("/transfer/past_episodes").asInt());
                assertTrue(first.path("deposit_leg").isNull());
                for (JsonNode size : first.path("sizes")) {
                    // per-size capture odds (no episodes yet) and no min-withdrawal limit at these sizes
                    assertTrue(size.path("capture_odds_pct").isNull() && size.has("capture_odds_pct"), size.toString());
                    assertEquals(0, size.path("past_episodes").asInt(-1), size.toString());
                    assertTrue(size.has("reason") && !"below_min_withdrawal".equals(size.path("reason").asText()), size.toString());
                }
                assertEquals(3, first.path("sizes").size());

                assertEquals("kucoin", last.path("buy_exchange").asText());
                assertEquals("not_transferable", last.at("/transfer/status").asText());
                assertEquals("withdrawals of BTC closed on kucoin", last.at("/transfer/reason").asText());
                assertEquals("BTC", last.at("/transfer/network").asText());
                assertEquals("0.0005", last.at("/transfer/withdrawal_fee").asText(), "kucoin's own answer");
                assertTrue(contains(last.path("flags"), "not_transferable"), last.toString());
                assertTrue(kucoin.requests().stream().anyMatch(r -> r.startsWith("GET /api/v2/currencies/BTC")), kucoin.requests().toString());
            }
        }
    }

    /** The transfer book asks the exchanges in the background: waits for the KuCoin answer to reach the API. */
    private static JsonNode awaitKucoinAnswer(TestClient u) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode ops = null;
        while (System.currentTimeMillis() < deadline) {
            ops = u.get("/api/arbitrage/opportunities").json().path("opportunities");
            for (JsonNode o : ops) {
                if (o.at("/transfer/status").asText().equals("not_transferable")) {
                    return ops;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no route became not transferable: " + ops);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
