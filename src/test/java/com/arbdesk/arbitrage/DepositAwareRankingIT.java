package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/arbitrage/opportunities?rank_for=me on the simulated source and the default transfer table: a user
 * depositing USDT on Tron sees first the routes that buy on an exchange taking USDT on TRC20 (Bitstamp takes it only
 * on ERC20), each with its deposit leg and the fee note; without the parameter the order is the scanner's.
 */
class DepositAwareRankingIT {
    static TestServer server;
    static TestClient user;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "ARBITRAGE_POLL_SECONDS", "1"));
        user = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUsdtDepositOnTronRanksTheRoutesItCanFundFirstWithTheirDepositLeg() {
        JsonNode before = user.get("/api/arbitrage/opportunities?rank_for=me").json();
        assertEquals("me", before.path("ranked_for").asText());
        assertEquals(0, before.path("holdings").size(), "no deposits yet: " + before.path("holdings"));
        before.path("opportunities").forEach(o -> assertTrue(o.path("deposit_leg").isNull()));

        TestClient.Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"50\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());

        JsonNode r = user.get("/api/arbitrage/opportunities?rank_for=me&pair=BTC/USDT").json();
        JsonNode holding = r.path("holdings").get(0);
        assertEquals("USDT", holding.path("coin").asText());
        assertEquals("TRC20", holding.path("network").asText());
        assertTrue(holding.path("pending").asBoolean(), "a deposit under way");
        JsonNode ops = r.path("opportunities");
        int withLeg = 0;
        boolean legsOver = false;
        for (JsonNode o : ops) {
            JsonNode leg = o.path("deposit_leg");
            if (leg.isNull()) {
                legsOver = true;
                continue;
            }
            assertFalse(legsOver, "every route the deposit can fund comes before the others: " + ops);
            withLeg++;
            assertEquals("USDT", leg.path("coin").asText());
            assertEquals("TRC20", leg.path("network").asText());
            assertEquals(o.path("buy_exchange").asText(), leg.path("exchange").asText(), "USDT pays on the buy side");
            assertTrue(leg.path("fee").isNull() && leg.path("note").asText().startsWith("deposit fee not known"), leg.toString());
            assertEquals(o.path("net_pct").asText(), leg.path("net_after_deposit_pct").asText(), "the unknown fee counts as 0");
            assertFalse(o.path("buy_exchange").asText().equals("bitstamp"), "bitstamp takes no USDT on TRC20");
        }
        assertTrue(withLeg > 0 && withLeg < ops.size(), "some routes fit the deposit, the bitstamp ones do not: " + ops);
        for (JsonNode o : ops) {
            if (o.path("buy_exchange").asText().equals("bitstamp")) {
                assertTrue(o.path("deposit_leg").isNull());
            }
        }

        JsonNode plain = user.get("/api/arbitrage/opportunities?pair=BTC/USDT").json();
        assertTrue(plain.path("ranked_for").isNull());
        plain.path("opportunities").forEach(o -> assertTrue(o.path("deposit_leg").isNull()));
        assertEquals("rank_for", user.get("/api/arbitrage/opportunities?rank_for=everyone").json().at("/error/field").asText());
        assertEquals(401, server.client().get("/api/arbitrage/opportunities?rank_for=me").status());
    }
}
