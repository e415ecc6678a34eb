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
}
