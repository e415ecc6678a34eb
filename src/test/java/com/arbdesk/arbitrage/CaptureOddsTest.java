package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The capture-odds figure, hand-computed: the share of a route's past episodes longer than the transfer. */
class CaptureOddsTest {
    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    static final Route ROUTE = new Route("BTC/USDT", "binance", "kraken", new BigDecimal("100"));

    static List<Duration> seconds(long... s) {
        List<Duration> out = new ArrayList<>();
        for (long v : s) {
            out.add(Duration.ofSeconds(v));
        }
        return out;
    }

    @Test
    void threeOfTenEpisodesOutlastingTheTransferAreThirtyPercent() {
        // transfer 357 s (TRC20); longer: 400, 900, 3600; 357 itself is not longer
        List<Duration> past = seconds(5, 12, 30, 60, 120, 357, 200, 400, 900, 3600);
        assertEquals(new BigDecimal("30.0"), CaptureOdds.pct(past, Duration.ofSeconds(357)));
    }

    @Test
    void oddsRoundToOneDecimalAndNoEpisodesMeansNoFigure() {
        assertEquals(new BigDecimal("33.3"), CaptureOdds.pct(seconds(10, 20, 400), Duration.ofSeconds(300)));
        assertEquals(new BigDecimal("66.7"), CaptureOdds.pct(seconds(10, 400, 500), Duration.ofSeconds(300)));
        assertEquals(new BigDecimal("0.0"), CaptureOdds.pct(seconds(10), Duration.ofSeconds(300)));
        assertEquals(new BigDecimal("100.0"), CaptureOdds.pct(seconds(301), Duration.ofSeconds(300)));
        assertNull(CaptureOdds.pct(List.of(), Duration.ofSeconds(300)));
    }

    @Test
    void aRouteCountsOnlyItsOwnEpisodesOfTheLastWeekReadAtMostOnceAMinute() {
        TestClock clock = new TestClock(T0);
        AtomicInteger reads = new AtomicInteger();
        List<Instant> asked = new ArrayList<>();
        Route other = new Route("BTC/USDT", "kraken", "binance", new BigDecimal("100"));
        CaptureOdds odds = new CaptureOdds(from -> {
            reads.incrementAndGet();
            asked.add(from);
            return List.of(
                    new Episode(ROUTE, T0.minusSeconds(1000), T0.minusSeconds(100), BigDecimal.ONE),
                    new Episode(ROUTE, T0.minusSeconds(50), T0.minusSeconds(40), BigDecimal.ONE),
                    new Episode(other, T0.minusSeconds(5000), T0.minusSeconds(10), BigDecimal.ONE));
        }, clock);
        CaptureOdds.Odds o = odds.of(ROUTE, Duration.ofSeconds(357));
        assertEquals(new BigDecimal("50.0"), o.pct(), "900 s outlasts 357 s, 10 s does not");
        assertEquals(2, o.episodes());
        assertEquals(T0.minus(CaptureOdds.WINDOW), asked.get(0));
        assertEquals(new BigDecimal("100.0"), odds.of(other, Duration.ofSeconds(357)).pct());
        assertEquals(1, reads.get(), "cached within the minute");
        clock.advance(Duration.ofMinutes(1));
        CaptureOdds.Odds none = odds.of(new Route("ETH/USDT", "binance", "kraken", new BigDecimal("100")), Duration.ofSeconds(60));
        assertNull(none.pct());
        assertEquals(0, none.episodes());
        assertEquals(2, reads.get(), "re-read after a minute");
    }
}
