package com.arbdesk.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deltas of arbitrage_update, applied to the first full list as a dashboard applies them, give the next full
 * list (the simulated market, one poll a second); and they are much smaller than the list.
 */
class ArbitrageDeltaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"topic\":\"market\"}";
    static TestServer server;
    static TestClient user;
    static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "ARBITRAGE_POLL_SECONDS", "1"));
        token = server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
        user = server.client().withBearer(token);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String key(JsonNode row) {
        return row.path("pair").asText() + "|" + row.path("buy_exchange").asText() + "|" + row.path("sell_exchange").asText();
    }

    /** A row as the table shows it: the age at 0.1 s, without the persisted time (a delta sends neither alone). */
    private static JsonNode shown(JsonNode row) {
        ObjectNode o = row.deepCopy();
        o.put("age_ms", (row.path("age_ms").asLong() + 50) / 100);
        o.remove("persisted_seconds");
        return o;
    }

    private static List<JsonNode> shownAll(Iterable<JsonNode> rows) {
        List<JsonNode> out = new ArrayList<>();
        rows.forEach(r -> out.add(shown(r)));
        return out;
    }

    /** As the dashboard does: upserts replace or add, removals drop, a sent order is taken whole. */
    private static void apply(Map<String, JsonNode> rows, JsonNode d) {
        d.path("upsert").forEach(r -> rows.put(key(r), r));
        d.path("remove").forEach(k -> rows.remove(k.asText()));
        if (d.has("order")) {
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            d.path("order").forEach(k -> ordered.put(k.asText(), rows.get(k.asText())));
            assertEquals(rows.keySet(), ordered.keySet(), "the order names every row and only those");
            rows.clear();
            rows.putAll(ordered);
        }
    }

    /** The size of a text once deflated on its own (permessage-deflate without context takeover: the worst case). */
    private static int deflated(String text) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buf = new byte[1 << 20];
        int n = d.deflate(buf);
        d.end();
        return n;
    }

    @Test
    void theSocketCompressesEachMessageWhenTheBrowserOffersTo() {
        RawHttp.Answer a = RawHttp.send(server.port(), "GET", "/ws", Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits", "Origin", server.baseUrl(),
                "Cookie", "arbdesk_session=" + token), null);
        assertEquals(101, a.status(), a.toString());
        assertTrue(a.optionalHeader("sec-websocket-extensions").orElse("").contains("permessage-deflate"), a.headers().toString());
    }

    @Test
    void deltasAppliedToTheFullListGiveTheNextFullList() throws Exception {
        try (WsClient ws = WsClient.connect("ws://localhost:" + server.port() + "/ws", Map.of("Cookie", "arbdesk_session=" + token), true)) {
            subscribe(ws);
            JsonNode first = user.get("/api/arbitrage/opportunities").json();
            long version = first.path("version").asLong();
            assertTrue(version > 0, first.path("version").toString());
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            first.path("opportunities").forEach(r -> rows.put(key(r), r));
            int fullBytes = JSON.writeValueAsString(first).getBytes(StandardCharsets.UTF_8).length;
            List<Integer> deltaBytes = new ArrayList<>();
            List<Integer> deflatedBytes = new ArrayList<>();
            int applied = 0;
            int changedRows = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (applied < 4 && System.nanoTime() < deadline) {
                String text = ws.next(Duration.ofSeconds(10));
                JsonNode m = JSON.readTree(text);
                if (!m.path("event").asText().equals("arbitrage_update")) {
                    continue;
                }
                JsonNode d = m.path("data");
                if (d.path("version").asLong() <= version) {
                    continue; // announced before the list was read: already in it
                }
                assertEquals(version, d.path("base").asLong(), "each delta applies to the version before it, none is skipped");
                assertEquals(d.path("base").asLong() + 1, d.path("version").asLong());
                apply(rows, d);
                assertEquals(rows.size(), d.path("count").asInt());
                version = d.path("version").asLong();
                changedRows += d.path("upsert").size() + d.path("remove").size();
                deltaBytes.add(text.getBytes(StandardCharsets.UTF_8).length);
                deflatedBytes.add(deflated(text));
                applied++;
            }
            assertEquals(4, applied, "four deltas arrived");
            assertTrue(changedRows > 0, "the simulated market moved some rows");
            JsonNode next = user.get("/api/arbitrage/opportunities").json();
            // the list may already be one version on: then the deltas caught up with it are the ones to compare against
            while (next.path("version").asLong() > version) {
                JsonNode d = JSON.readTree(ws.next(Duration.ofSeconds(10))).path("data");
                if (d.path("version").asLong() != version + 1) {
                    continue;
                }
                apply(rows, d);
                version = d.path("version").asLong();
            }
            assertEquals(version, next.path("version").asLong());
            assertEquals(shownAll(next.path("opportunities")), shownAll(rows.values()));
            System.out.printf("[bytes] full list %d B (%d B deflated, %d rows); arbitrage_update frames %s B (deflated %s B),"
                    + " rows upserted or removed over the 4: %d%n", fullBytes, deflated(JSON.writeValueAsString(first)), rows.size(),
                    deltaBytes, deflatedBytes, changedRows);
        }
    }

    /**
     * Asks for the deltas and waits for the server's confirmation, as the dashboard does before it reads the list: a list
     * read after it is at least as new as any announcement this socket got as a summary, so no delta is missed.
     */
    private static void subscribe(WsClient ws) throws Exception {
        ws.send(SUBSCRIBE);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (JSON.readTree(ws.next(Duration.ofSeconds(10))).path("event").asText().equals("market_subscribed")) {
                return;
            }
        }
        throw new AssertionError("the subscription was not confirmed");
    }

    /** The text of the announcement of one version, as one socket received it. */
    private static String frameOf(WsClient ws, long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String text = ws.next(Duration.ofSeconds(10));
            JsonNode m = JSON.readTree(text);
            if (m.path("event").asText().equals("arbitrage_update") && m.path("data").path("version").asLong() == version) {
                return text;
            }
        }
        throw new AssertionError("no announcement of version " + version);
    }

    @Test
    void everySocketGetsTheSameTextWithNoOnesOwnParts() throws Exception {
        String admin = server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        String url = "ws://localhost:" + server.port() + "/ws";
        try (WsClient a = WsClient.connect(url, Map.of("Cookie", "arbdesk_session=" + token), true);
             WsClient b = WsClient.connect(url, Map.of("Cookie", "arbdesk_session=" + admin), true);
             WsClient c = WsClient.connect(url, Map.of("Cookie", "arbdesk_session=" + token), true)) {
            subscribe(a);
            subscribe(b);
            c.send("{\"type\":\"subscribe\",\"topic\":\"market_summary\"}");
            // the user's own ranking is asked for in between: it must not reach the shared announcement
            assertEquals("me", user.get("/api/arbitrage/opportunities?rank_for=me").json().path("ranked_for").asText());
            long next = user.get("/api/arbitrage/opportunities").json().path("version").asLong() + 2;
            String fromA = frameOf(a, next);
            assertEquals(fromA, frameOf(b, next), "one text for every socket");
            JsonNode upsert = JSON.readTree(fromA).path("data").path("upsert");
            assertTrue(upsert.size() > 0);
            upsert.forEach(r -> assertTrue(r.path("deposit_leg").isNull(), "no deposit leg in the shared delta: " + r));
            JsonNode summary = null;
            while (summary == null) {
                JsonNode m = JSON.readTree(c.next(Duration.ofSeconds(10)));
                summary = m.path("event").asText().equals("arbitrage_update") ? m.path("data") : null;
            }
            assertTrue(summary.has("updated_at") && summary.has("count") && !summary.has("upsert"),
                    "a socket that asked for the summary gets the summary only: " + summary);
        }
    }
}
