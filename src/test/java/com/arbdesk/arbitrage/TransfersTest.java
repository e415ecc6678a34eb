package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.SpreadHistoryTest.nets;
import static com.arbdesk.arbitrage.SpreadHistoryTest.opp;
import static com.arbdesk.arbitrage.TransferBookTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each opportunity annotated with its network, flag and capture odds; routes whose coin cannot move rank last. */
class TransfersTest {
    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void notTransferableRoutesAreFlaggedAndRankedAfterTheOthersWithOddsFromPastEpisodes() {
        TransferBook book = new TransferBook(List.of(
                row("binance", "XRP", "XRP", true, true, "0.25"), row("kraken", "XRP", "XRP", true, false, "0.2"),
                row("binance", "BTC", "BTC", true, true, "0.0002"), row("kraken", "BTC", "BTC", true, true, "0.0001")),
                TransferStatusReader.NONE);
        Route btc = new Route("BTC/USDT", "binance", "kraken", new BigDecimal("100"));
        List<Episode> past = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // 3 of 10 last longer than BTC's 2,100 s transfer
            long seconds = i < 3 ? 2_500 : 600;
            past.add(new Episode(btc, T0.minusSeconds(10_000 + i), T0.minusSeconds(10_000 + i).plusSeconds(seconds), BigDecimal.ONE));
        }
        Transfers transfers = new Transfers(book, new CaptureOdds(from -> past, new TestClock(T0)));
        List<Opportunity> out = transfers.annotate(List.of(
                opp("XRP/USDT", "kraken", "binance", "0.9000", nets("100", "0.5000", "1000", "0.4000")),
                opp("BTC/USDT", "binance", "kraken", "0.3000", nets("100", "0.1000", "1000", "0.0500")),
                opp("ETH/USDT", "binance", "kraken", "0.2000", nets("100", "0.0500"))));
        assertEquals(List.of("BTC/USDT", "ETH/USDT", "XRP/USDT"), out.stream().map(Opportunity::pair).toList(),
                "transferable, then unknown, then not transferable, whatever the spread");
        Transfer b = out.get(0).transfer();
        assertEquals("BTC", b.network());
        assertEquals(Duration.ofSeconds(2_100), b.time());
        assertEquals(new BigDecimal("30.0"), b.captureOddsPct());
        assertEquals(10, b.pastEpisodes());
        assertTrue(out.get(0).flags().isEmpty());
        Opportunity x = out.get(2);
        assertEquals(Transfer.Status.NOT_TRANSFERABLE, x.transfer().status());
        assertEquals("withdrawals of XRP closed on kraken", x.transfer().reason());
        assertTrue(x.flags().contains(Opportunity.NOT_TRANSFERABLE));
        assertNull(x.transfer().captureOddsPct(), "no past episodes on that route");
        assertEquals(0, x.transfer().pastEpisodes());
        assertEquals(Transfer.Status.UNKNOWN, out.get(1).transfer().status());
    }

    @Test
    void eachSizeHasTheCaptureOddsOfTheRoutesPastEpisodesAtThatSize() {
        TransferBook book = new TransferBook(List.of(row("binance", "BTC", "BTC", true, true, "0.0002"),
                row("kraken", "BTC", "BTC", true, true, "0.0001")), TransferStatusReader.NONE);
        List<Episode> past = new ArrayList<>();
        // BTC's transfer takes 2,100 s. $100: 3 of 10 episodes longer (30.0 %); $1,000: 1 of 3 (33.3 %), one of
        // exactly 2,100 s is not longer; $10,000: none; another route's $1,000 episodes do not count
        for (int i = 0; i < 10; i++) {
            past.add(episode("binance", "kraken", "100", i, i < 3 ? 2_500 : 600));
        }
        past.add(episode("binance", "kraken", "1000", 20, 3_000));
        past.add(episode("binance", "kraken", "1000", 21, 2_100));
        past.add(episode("binance", "kraken", "1000", 22, 60));
        past.add(episode("kraken", "binance", "1000", 23, 9_000));
        Transfers transfers = new Transfers(book, new CaptureOdds(from -> past, new TestClock(T0)));
        Opportunity o = transfers.annotate(List.of(opp("BTC/USDT", "binance", "kraken", "0.3000",
                nets("100", "0.1000", "1000", "0.0500", "10000", "0.0100")))).get(0);
        List<SizeResult> sizes = o.sizes();
        assertEquals(new BigDecimal("30.0"), sizes.get(0).captureOdds().pct());
        assertEquals(10, sizes.get(0).captureOdds().episodes());
        assertEquals(new BigDecimal("33.3"), sizes.get(1).captureOdds().pct());
        assertEquals(3, sizes.get(1).captureOdds().episodes());
        assertNull(sizes.get(2).captureOdds().pct(), "no past episodes at $10,000");
        assertEquals(0, sizes.get(2).captureOdds().episodes());
        // the row's own figure is its smallest size's, the size its net % is quoted at
        assertEquals(new BigDecimal("30.0"), o.transfer().captureOddsPct());
        assertEquals(10, o.transfer().pastEpisodes());
        assertEquals(new BigDecimal("0.0500"), sizes.get(1).netPct(), "the sizes keep their figures");
    }

    @Test
    void withoutATransferTimeNoSizeHasCaptureOdds() {
        Transfers transfers = new Transfers(new TransferBook(List.of(), TransferStatusReader.NONE),
                new CaptureOdds(from -> List.of(), new TestClock(T0)));
        Opportunity o = transfers.annotate(List.of(opp("BTC/USDT", "binance", "kraken", "0.3000", nets("100", "0.1000")))).get(0);
        assertEquals(Transfer.Status.UNKNOWN, o.transfer().status());
        assertNull(o.sizes().get(0).captureOdds());
    }

    private static Episode episode(String buy, String sell, String size, int i, long seconds) {
        Instant start = T0.minusSeconds(10_000 + i);
        return new Episode(new Route("BTC/USDT", buy, sell, new BigDecimal(size)), start, start.plusSeconds(seconds), BigDecimal.ONE);
    }
}
