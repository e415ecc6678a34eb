package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.DepthWalkerTest.assertNum;
import static com.arbdesk.arbitrage.DepthWalkerTest.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArbitrageEngineTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    /** a charges 0.1 %, b 0.2 %; BTC withdrawal free unless a test says otherwise. */
    private static final Fees FEES = fees("0");
    private final ArbitrageEngine engine = new ArbitrageEngine();
    private final PersistenceTracker tracker = new PersistenceTracker();

    static Fees fees(String btcWithdrawal) {
        return new Fees(Map.of("a", new BigDecimal("0.001"), "b", new BigDecimal("0.002")), new BigDecimal("0.002"),
                Map.of("BTC", new BigDecimal(btcWithdrawal), "ETH", BigDecimal.ZERO));
    }

    static OrderBook book(String exchange, String pair, String bid, String bidAmt, String ask, String askAmt,
                          Instant at) {
        return new OrderBook(exchange, pair, bid == null ? List.of() : List.of(level(bid, bidAmt)),
                ask == null ? List.of() : List.of(level(ask, askAmt)), at);
    }

    /** Buy on a at 100, sell on b at 101: a 1 % gross spread; the other direction is −2.9412 %. */
    static List<OrderBook> onePercent(String bBid, String bBidAmt, Instant at) {
        return List.of(book("a", "BTC/USDT", "99", "1000", "100", "1000", at),
                book("b", "BTC/USDT", bBid, bBidAmt, "102", "1000", at));
    }

    private List<Opportunity> run(List<OrderBook> books, Fees fees, Instant now) {
        return engine.compute(books, fees, EngineSettings.defaults(), now, tracker);
    }

    private static Opportunity find(List<Opportunity> all, String key) {
        return all.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void feesReduceAOnePercentGrossSpreadToTheExactNet() {
        Opportunity o = find(run(onePercent("101", "1000", T), FEES, T), "BTC/USDT|a|b");
        assertNum("100", o.ask());
        assertNum("101", o.bid());
        assertNum("1.0000", o.grossPct());
        // $100: cost 100 × 1.001 = 100.1; proceeds 1 × 101 × 0.998 = 100.798; 0.698 / 100.1 = 0.6973 %
        assertNum("0.6973", o.netPct());
        List<String> profits = o.sizes().stream().map(r -> r.profitUsd().toPlainString()).toList();
        assertEquals(List.of("0.69", "6.98", "69.80"), profits);
        o.sizes().forEach(r -> assertNum("0.6973", r.netPct()));
        assertNum("100", o.sizes().get(2).baseAmount());
        assertNum("69.80", o.estProfitUsd());
        assertEquals(Set.of(), o.flags());
        assertEquals(Duration.ZERO, o.quoteAge());
    }

    @Test
    void theWithdrawalFeeWeighsMoreOnSmallSizes() {
        Opportunity o = find(run(onePercent("101", "1000", T), fees("0.01"), T), "BTC/USDT|a|b");
        // 0.01 BTC lost: $100 sells 0.99 → 99.79002 vs 100.1; $1,000 sells 9.99; $10,000 sells 99.99
        assertEquals(List.of("-0.3097", "0.5966", "0.6872"),
                o.sizes().stream().map(r -> r.netPct().toPlainString()).toList());
        assertEquals(List.of("-0.30", "5.97", "68.79"),
                o.sizes().stream().map(r -> r.profitUsd().toPlainString()).toList());
        assertNum("-0.3097", o.netPct());
        assertNum("0.99", o.sizes().get(0).baseAmount());
        assertNum("68.79", o.estProfitUsd());
    }

    /** The transfer plan of every route: BTC on the BTC network at the given fee (null: the network's fee is not known). */
    static ArbitrageEngine.TransferPlans btcNetwork(String fee) {
        return (asset, from, to) -> new Transfer(asset, "BTC", Transfer.Status.TRANSFERABLE, null,
                fee == null ? null : new BigDecimal(fee), null, Duration.ofMinutes(35), null, 0);
    }

    private List<String> nets(List<OrderBook> books, Fees fees, ArbitrageEngine.TransferPlans plans) {
        Opportunity o = find(engine.compute(books, fees, plans, EngineSettings.defaults(), T, tracker), "BTC/USDT|a|b");
        return o.sizes().stream().map(r -> r.netPct().toPlainString()).toList();
    }

    @Test
    void theNetworkNamedByTheTransferPlanSetsTheWithdrawalFee() {
        // per-asset default 0, the network's 0.01 BTC: the same figures as theWithdrawalFeeWeighsMoreOnSmallSizes
        List<OrderBook> books = onePercent("101", "1000", T);
        Opportunity o = find(engine.compute(books, FEES, btcNetwork("0.01"), EngineSettings.defaults(), T, tracker),
                "BTC/USDT|a|b");
        assertEquals(List.of("-0.3097", "0.5966", "0.6872"), o.sizes().stream().map(r -> r.netPct().toPlainString()).toList());
        assertNum("68.79", o.estProfitUsd());
        assertEquals("BTC", o.transfer().network());
        // the network's fee unknown: the per-asset one (0.01 here) is deducted
        assertEquals(List.of("-0.3097", "0.5966", "0.6872"), nets(books, fees("0.01"), btcNetwork(null)));
        // no transfer plan at all: the per-asset fee (0)
        assertEquals(List.of("0.6973", "0.6973", "0.6973"), nets(books, FEES, ArbitrageEngine.TransferPlans.NONE));
    }

    @Test
    void anExplicitlyConfiguredWithdrawalFeeWinsOverTheNetworksOwn() {
        List<OrderBook> books = onePercent("101", "1000", T);
        Map<String, BigDecimal> taker = Map.of("a", new BigDecimal("0.001"), "b", new BigDecimal("0.002"));
        // BTC=0 configured: the network's 0.01 is ignored, net as with no withdrawal fee
        Fees perAsset = new Fees(taker, new BigDecimal("0.002"), Map.of("BTC", BigDecimal.ZERO), Map.of("BTC", BigDecimal.ZERO));
        assertEquals(List.of("0.6973", "0.6973", "0.6973"), nets(books, perAsset, btcNetwork("0.01")));
        // BTC@BTC=0.01 configured for the network assumed wins over its table fee 0 (and over a BTC= entry)
        Fees perNetwork = new Fees(taker, new BigDecimal("0.002"), Map.of("BTC", BigDecimal.ZERO),
                Map.of("BTC@BTC", new BigDecimal("0.01"), "BTC", BigDecimal.ZERO));
        assertEquals(List.of("-0.3097", "0.5966", "0.6872"), nets(books, perNetwork, btcNetwork("0")));
        // configured for another network only: the network's own fee counts
        Fees otherNetwork = new Fees(taker, new BigDecimal("0.002"), Map.of("BTC", BigDecimal.ZERO),
                Map.of("BTC@LIGHTNING", BigDecimal.ZERO));
        assertEquals(List.of("-0.3097", "0.5966", "0.6872"), nets(books, otherNetwork, btcNetwork("0.01")));
    }

    @Test
    void aSizeBuyingLessThanTheNetworksMinimumWithdrawalIsNotFillable() {
        // at ask 100: $100 buys 1 BTC, $1,000 buys 10, $10,000 buys 100; the network's minimum withdrawal is 10 BTC
        ArbitrageEngine.TransferPlans minTen = (asset, from, to) -> new Transfer(asset, "BTC", Transfer.Status.TRANSFERABLE,
                null, BigDecimal.ZERO, BigDecimal.TEN, Duration.ofMinutes(35), null, 0);
        Opportunity o = find(engine.compute(onePercent("101", "1000", T), FEES, minTen, EngineSettings.defaults(), T, tracker),
                "BTC/USDT|a|b");
        SizeResult small = o.sizes().get(0);
        assertFalse(small.fillable());
        assertEquals(SizeResult.BELOW_MIN_WITHDRAWAL, small.reason());
        assertNum("1", small.baseAmount());
        assertNull(small.netPct());
        assertNull(small.profitUsd());
        // the row's net (smallest size) is not counted; exactly the minimum (10 BTC) may be withdrawn
        assertNull(o.netPct());
        assertFalse(o.isProfitable());
        assertTrue(o.sizes().get(1).fillable());
        assertNull(o.sizes().get(1).reason());
        assertNum("0.6973", o.sizes().get(1).netPct());
        assertNum("6.98", o.sizes().get(1).profitUsd());
        assertNum("69.80", o.estProfitUsd());
        // no minimum known: every size fillable, as before
        assertTrue(find(engine.compute(onePercent("101", "1000", T), FEES, btcNetwork("0"), EngineSettings.defaults(), T,
                tracker), "BTC/USDT|a|b").sizes().stream().allMatch(SizeResult::fillable));
    }

    @Test
    void aBookTooThinForTenThousandIsNotFillable() {
        Opportunity o = find(run(onePercent("101", "20", T), FEES, T), "BTC/USDT|a|b");
        SizeResult big = o.sizes().get(2);
        assertFalse(big.fillable());
        assertNum("20", big.baseAmount());
        assertNull(big.netPct());
        assertTrue(o.sizes().get(1).fillable());
        assertNum("6.98", o.estProfitUsd());

        List<OrderBook> thinAsks = List.of(book("a", "BTC/USDT", "99", "1000", "100", "50", T),
                book("b", "BTC/USDT", "101", "1000", "102", "1000", T));
        SizeResult bigBuy = find(run(thinAsks, FEES, T), "BTC/USDT|a|b").sizes().get(2);
        assertFalse(bigBuy.fillable());
        assertNum("50", bigBuy.baseAmount());
    }

    @Test
    void staleAndImplausibleOpportunitiesAreKeptAndFlagged() {
        List<OrderBook> books = List.of(book("a", "BTC/USDT", "99", "1000", "100", "1000", T.minusSeconds(30)),
                book("b", "BTC/USDT", "110", "1000", "112", "1000", T.minusSeconds(2)));
        Opportunity o = find(run(books, FEES, T), "BTC/USDT|a|b");
        assertEquals(Set.of(Opportunity.STALE, Opportunity.IMPLAUSIBLE), o.flags());
        assertEquals(Duration.ofSeconds(30), o.quoteAge());
        assertNum("10.0000", o.grossPct());
    }

    @Test
    void ethBtcConvertsThroughTheBtcUsdtMedian() {
        List<OrderBook> books = List.of(book("a", "ETH/BTC", "0.0495", "1000", "0.05", "1000", T),
                book("b", "ETH/BTC", "0.0505", "1000", "0.051", "1000", T),
                book("a", "BTC/USDT", "49990", "10", "50010", "10", T),
                book("b", "BTC/USDT", "50090", "10", "50110", "10", T),
                book("c", "BTC/USDT", "49890", "10", "49910", "10", T));
        Opportunity o = find(run(books, FEES, T), "ETH/BTC|a|b");
        // $100 = 0.002 BTC buys 0.04 ETH; pnl 0.00201596 − 0.002002 = 0.00001396 BTC × 50,000 = $0.698
        assertNum("0.04", o.sizes().get(0).baseAmount());
        assertNum("0.6973", o.netPct());
        assertNum("0.69", o.sizes().get(0).profitUsd());
        assertNum("69.80", o.estProfitUsd());
        assertFalse(o.flags().contains(Opportunity.NO_USD_RATE));
    }

    @Test
    void ethBtcWithoutABtcUsdtBookIsFlaggedNoUsdRate() {
        List<OrderBook> books = List.of(book("a", "ETH/BTC", "0.0495", "1000", "0.05", "1000", T),
                book("b", "ETH/BTC", "0.0505", "1000", "0.051", "1000", T));
        Opportunity o = find(run(books, FEES, T), "ETH/BTC|a|b");
        assertEquals(Set.of(Opportunity.NO_USD_RATE), o.flags());
        assertTrue(o.sizes().isEmpty());
        assertNull(o.netPct());
        assertNum("1.0000", o.grossPct());
        assertNum("0", o.estProfitUsd());
    }

    @Test
    void ethUsdtIsNeverComparedWithEthBtc() {
        List<OrderBook> books = List.of(book("a", "ETH/USDT", "2500", "10", "2501", "10", T),
                book("b", "ETH/BTC", "0.05", "10", "0.0501", "10", T));
        assertEquals(List.of(), run(books, FEES, T));
    }

    @Test
    void persistenceGrowsAcrossRunsAndResetsWhenTheOpportunityVanishes() {
        String key = "BTC/USDT|a|b";
        assertEquals(Duration.ZERO, find(run(onePercent("101", "1000", T), FEES, T), key).persisted());
        Instant t5 = T.plusSeconds(5);
        assertEquals(Duration.ofSeconds(5), find(run(onePercent("101", "1000", t5), FEES, t5), key).persisted());
        Instant t10 = T.plusSeconds(10);
        Opportunity gone = find(run(onePercent("100.2", "1000", t10), FEES, t10), key);
        assertTrue(gone.netPct().signum() < 0);
        assertEquals(Duration.ZERO, gone.persisted());
        Instant t15 = T.plusSeconds(15);
        assertEquals(Duration.ZERO, find(run(onePercent("101", "1000", t15), FEES, t15), key).persisted());
        Instant t20 = T.plusSeconds(20);
        assertEquals(Duration.ofSeconds(5), find(run(onePercent("101", "1000", t20), FEES, t20), key).persisted());
        // b's book missing altogether also ends the streak
        run(List.of(onePercent("101", "1000", t20).get(0)), FEES, T.plusSeconds(25));
        assertNull(tracker.firstSeen(key));
    }

    @Test
    void negativeSpreadsAreKeptWithNegativeNetAndSortedLast() {
        List<Opportunity> all = run(onePercent("101", "1000", T), FEES, T);
        assertEquals(List.of("BTC/USDT|a|b", "BTC/USDT|b|a"), all.stream().map(Opportunity::key).toList());
        Opportunity reverse = all.get(1);
        assertNum("-2.9412", reverse.grossPct());
        assertTrue(reverse.netPct().signum() < 0);
        assertEquals(Duration.ZERO, reverse.persisted());
    }

    @Test
    void anEmptyBookSideIsSkipped() {
        List<OrderBook> books = new ArrayList<>(onePercent(null, null, T));
        List<Opportunity> all = run(books, FEES, T);
        assertEquals(List.of("BTC/USDT|b|a"), all.stream().map(Opportunity::key).toList());
    }

    @Test
    void unknownExchangesPayTheDefaultTakerFee() {
        assertNum("0.002", FEES.takerFeeFor("nowhere"));
        assertNum("0.0026", Fees.defaults().takerFeeFor("Kraken"));
        assertTrue(Fees.defaults().withdrawalFeeFor("DOGE").isEmpty());
    }
}
