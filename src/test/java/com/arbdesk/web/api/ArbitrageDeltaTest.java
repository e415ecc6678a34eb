package com.arbdesk.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.web.api.ArbitrageResource.OpportunityView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArbitrageDeltaTest {
    private static OpportunityView row(String buy, String sell, String net, long ageMs, long persisted) {
        return new OpportunityView("BTC/USDT", buy, sell, "64000.10", "64100.20", "0.15", net, "1.20", ageMs, persisted,
                List.of(), List.of(), null, null);
    }

    /** What a client does with a delta: replace or add upserts, drop removals, take the order when one is sent. */
    static List<OpportunityView> apply(List<OpportunityView> rows, ArbitrageDelta d) {
        Map<String, OpportunityView> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(ArbitrageDelta.key(r), r));
        d.upsert().forEach(r -> byKey.put(ArbitrageDelta.key(r), r));
        d.remove().forEach(byKey::remove);
        return d.order() == null ? new ArrayList<>(byKey.values()) : d.order().stream().map(byKey::get).toList();
    }

    @Test
    void unchangedRowsProduceNothing() {
        List<OpportunityView> rows = List.of(row("kraken", "binance", "0.10", 200, 3), row("binance", "kraken", "-0.20", 200, 0));
        ArbitrageDelta d = ArbitrageDelta.between(rows, List.copyOf(rows));
        assertTrue(d.isEmpty(), d.toString());
    }

    @Test
    void fieldsTheTableDoesNotShowDifferentlyAreNotAChange() {
        // 240 ms and 210 ms both render as 0.2 s; the persisted time is not on the table
        ArbitrageDelta d = ArbitrageDelta.between(List.of(row("kraken", "binance", "0.10", 240, 3)),
                List.of(row("kraken", "binance", "0.10", 210, 6)));
        assertTrue(d.isEmpty(), d.toString());
        ArbitrageDelta older = ArbitrageDelta.between(List.of(row("kraken", "binance", "0.10", 240, 3)),
                List.of(row("kraken", "binance", "0.10", 260, 3)));
        assertEquals(1, older.upsert().size(), "0.2 s became 0.3 s");
    }

    @Test
    void addedChangedAndRemovedRowsWithTheNewOrder() {
        OpportunityView a = row("kraken", "binance", "0.10", 0, 0);
        OpportunityView b = row("binance", "kraken", "-0.20", 0, 0);
        OpportunityView c = row("okx", "kraken", "0.05", 0, 0);
        OpportunityView b2 = row("binance", "kraken", "0.30", 0, 0);
        OpportunityView d = row("okx", "binance", "-0.50", 0, 0);
        List<OpportunityView> before = List.of(a, b, c);
        List<OpportunityView> after = List.of(b2, a, d);
        ArbitrageDelta delta = ArbitrageDelta.between(before, after);
        assertEquals(List.of(b2, d), delta.upsert(), "the changed row and the new one, nothing for the unchanged");
        assertEquals(List.of("BTC/USDT|okx|kraken"), delta.remove());
        assertEquals(List.of("BTC/USDT|binance|kraken", "BTC/USDT|kraken|binance", "BTC/USDT|okx|binance"), delta.order());
        assertEquals(after, apply(before, delta));
    }

    @Test
    void aChangeInPlaceSendsNoOrder() {
        OpportunityView a = row("kraken", "binance", "0.10", 0, 0);
        OpportunityView b = row("binance", "kraken", "-0.20", 0, 0);
        OpportunityView b2 = row("binance", "kraken", "-0.10", 0, 0);
        ArbitrageDelta delta = ArbitrageDelta.between(List.of(a, b), List.of(a, b2));
        assertEquals(List.of(b2), delta.upsert());
        assertEquals(List.of(), delta.remove());
        assertNull(delta.order());
        assertEquals(List.of(a, b2), apply(List.of(a, b), delta));
    }

    @Test
    void aSwapAloneSendsOnlyTheOrder() {
        OpportunityView a = row("kraken", "binance", "0.10", 0, 0);
        OpportunityView b = row("binance", "kraken", "-0.20", 0, 0);
        ArbitrageDelta delta = ArbitrageDelta.between(List.of(a, b), List.of(b, a));
        assertEquals(List.of(), delta.upsert());
        assertEquals(List.of("BTC/USDT|binance|kraken", "BTC/USDT|kraken|binance"), delta.order());
    }
}
