package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The triangular engine against numbers worked out by hand (fee 0.1 % on what every leg receives). */
class TriangularEngineTest {
    static final BigDecimal FEE = new BigDecimal("0.001");
    final TriangularEngine engine = new TriangularEngine();

    static Level lv(String price, String amount) {
        return new Level(new BigDecimal(price), new BigDecimal(amount));
    }

    static OrderBook book(String pair, List<Level> bids, List<Level> asks) {
        return new OrderBook("ex", pair, bids, asks, Instant.parse("2026-12-01T10:00:00Z"));
    }

    static List<OrderBook> books(List<Level> btcAsks) {
        return List.of(
                book("BTC/USDT", List.of(lv("49990", "1")), btcAsks),
                book("ETH/BTC", List.of(lv("0.0499", "100")), List.of(lv("0.05", "100"))),
                book("ETH/USDT", List.of(lv("2520", "100")), List.of(lv("2510", "100"))),
                book("SOL/USDT", List.of(lv("150", "100")), List.of(lv("151", "100"))),
                new OrderBook("other", "ETH/USDT", List.of(lv("9999", "100")), List.of(lv("1", "100")), Instant.EPOCH));
    }

    TriangularEngine.Cycle cycle(List<TriangularEngine.Cycle> all, String... path) {
        return all.stream().filter(c -> c.path().equals(List.of(path))).findFirst().orElseThrow();
    }

    @Test
    void usdtToBtcToEthAndBackPaysThreeFees() {
        List<TriangularEngine.Cycle> all = engine.compute("ex", books(List.of(lv("50000", "1"))), FEE, "USDT", new BigDecimal("1000"));
        assertEquals(2, all.size(), "both directions of the one triangle; SOL has no third book, the other exchange is ignored");
        TriangularEngine.Cycle c = all.get(0);
        assertEquals(List.of("USDT", "BTC", "ETH", "USDT"), c.path());
        // 1000 / 50000 = 0.02 BTC, x 0.999 = 0.01998; / 0.05 = 0.3996 ETH, x 0.999 = 0.3992004;
        // x 2520 = 1005.985008 USDT, x 0.999 = 1004.979022992
        assertEquals(new BigDecimal("0.0199800000"), c.legs().get(0).out());
        assertEquals(new BigDecimal("0.3992004000"), c.legs().get(1).out());
        assertEquals(new BigDecimal("1004.9790229920"), c.end());
        assertEquals(new BigDecimal("0.4979"), c.netPct());
        assertEquals("ETH/USDT", c.legs().get(2).pair());
        assertFalse(c.legs().get(2).buy(), "the last leg sells ETH into the ETH/USDT bids");
    }

    @Test
    void theOtherDirectionCrossesEverySpreadAndLoses() {
        TriangularEngine.Cycle c = cycle(engine.compute("ex", books(List.of(lv("50000", "1"))), FEE, "USDT", new BigDecimal("1000")),
                "USDT", "ETH", "BTC", "USDT");
        // 1000 / 2510 = 0.3984063745, x 0.999 = 0.3980079681; x 0.0499 = 0.01986059760.., x 0.999 = 0.0198407370;
        // x 49990 = 991.838442630, x 0.999 = 990.8466041874: -0.9153 %
        assertEquals(new BigDecimal("0.3980079681"), c.legs().get(0).out());
        assertEquals(new BigDecimal("0.0198407370"), c.legs().get(1).out());
        assertEquals(new BigDecimal("990.8466041874"), c.end());
        assertEquals(new BigDecimal("-0.9153"), c.netPct());
    }

    @Test
    void theFirstLegWalksTheDepth() {
        // 2000 USDT: 0.02 BTC for 1000 at 50000, then 1000 / 50100 = 0.0199600798 at the next level; 0.0399600798 x 0.999
        // = 0.0399201197; / 0.05 = 0.798402394, x 0.999 = 0.7976039916; x 2520 = 2009.962058832, x 0.999 = 2007.9520967732
        TriangularEngine.Cycle c = cycle(engine.compute("ex", books(List.of(lv("50000", "0.02"), lv("50100", "1"))), FEE, "USDT",
                new BigDecimal("2000")), "USDT", "BTC", "ETH", "USDT");
        assertEquals(new BigDecimal("0.0399201197"), c.legs().get(0).out());
        assertEquals(new BigDecimal("2007.9520967732"), c.end());
        assertEquals(new BigDecimal("0.3976"), c.netPct());
    }

    @Test
    void aLegTheBookCannotAbsorbLeavesTheCycleUnpriced() {
        TriangularEngine.Cycle c = cycle(engine.compute("ex", books(List.of(lv("50000", "1"))), FEE, "USDT",
                new BigDecimal("1000000")), "USDT", "BTC", "ETH", "USDT");
        assertFalse(c.fillable());
        assertNull(c.end());
        assertFalse(c.legs().get(0).complete(), "1 BTC for sale is $50,000, not $1,000,000");
    }

    @Test
    void everyExchangeAndAmountIsPricedAndStaleBooksAreLeftOut() {
        Instant now = Instant.parse("2026-12-01T10:00:05Z");
        List<OrderBook> all = new java.util.ArrayList<>(books(List.of(lv("50000", "1"))));
        all.add(new OrderBook("old", "BTC/USDT", List.of(lv("1", "1")), List.of(lv("1", "1")), Instant.parse("2026-12-01T09:00:00Z")));
        Fees fees = new Fees(java.util.Map.of("ex", FEE), FEE, java.util.Map.of());
        List<TriangularEngine.Cycle> cycles = engine.computeAll(all, fees, "USDT",
                List.of(new BigDecimal("1000"), new BigDecimal("2000")), now, java.time.Duration.ofSeconds(10));
        // "ex": 2 directions x 2 amounts; "other" has one book, "old" is stale (and alone)
        assertEquals(4, cycles.size());
        assertEquals(new BigDecimal("0.4979"), cycles.get(0).netPct());
        assertEquals(List.of("ex"), cycles.stream().map(TriangularEngine.Cycle::exchange).distinct().toList());
    }
}
