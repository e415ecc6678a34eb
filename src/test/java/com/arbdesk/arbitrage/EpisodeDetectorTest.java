package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.SpreadHistoryTest.nets;
import static com.arbdesk.arbitrage.SpreadHistoryTest.opp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Episode detection, hand-stepped: crossing above zero opens, the first round without it ends, per size. */
class EpisodeDetectorTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    final EpisodeDetector detector = new EpisodeDetector();

    List<Episode> at(int seconds, Opportunity... ops) {
        return detector.round(T0.plusSeconds(seconds), List.of(ops));
    }

    static Opportunity btc(String net100, String net1000) {
        return opp("BTC/USDT", "binance", "kraken", "0.5000", nets("100", net100, "1000", net1000));
    }

    @Test
    void anEpisodeRunsFromTheFirstProfitableRoundToTheFirstRoundWithoutItWithItsPeak() {
        assertEquals(List.of(), at(0, btc("-0.0100", "-0.0200")));
        assertEquals(List.of(), at(3, btc("0.0100", "-0.0100")));
        assertEquals(List.of(), at(6, btc("0.0400", "0.0200")));
        assertEquals(List.of(), at(9, btc("0.0300", "0.0100")));
        assertEquals(2, detector.ongoing().size());
        List<Episode> ended = at(12, btc("0.0000", "0.0300"));
        assertEquals(1, ended.size(), "zero is not profitable: the $100 episode ends, the $1,000 one goes on");
        Episode e = ended.get(0);
        assertEquals(new Route("BTC/USDT", "binance", "kraken", new BigDecimal("100")), e.route());
        assertEquals(T0.plusSeconds(3), e.start());
        assertEquals(T0.plusSeconds(12), e.end());
        assertEquals(Duration.ofSeconds(9), e.duration(T0.plusSeconds(99)));
        assertEquals(new BigDecimal("0.0400"), e.peakNetPct());
        Episode big = detector.ongoing().get(0);
        assertTrue(big.ongoing());
        assertEquals(new BigDecimal("0.0300"), big.peakNetPct());
        assertEquals(Duration.ofSeconds(9), big.duration(T0.plusSeconds(15)));
    }

    @Test
    void aRouteThatVanishesOrTurnsStaleEndsItsEpisodeAndAReturnStartsANewOne() {
        at(0, btc("0.0100", null));
        assertEquals(1, at(3, opp("BTC/USDT", "binance", "kraken", "0.5000", nets("100", "0.0500"), Opportunity.STALE)).size(),
                "a stale quote is no opportunity");
        at(6, btc("0.0200", null));
        List<Episode> gone = at(9);
        assertEquals(1, gone.size(), "a route missing from the round is not profitable in it");
        assertEquals(T0.plusSeconds(6), gone.get(0).start());
        assertEquals(Duration.ofSeconds(3), gone.get(0).duration(T0));
        assertEquals(List.of(), detector.ongoing());
    }

    @Test
    void theOtherDirectionIsAnotherRoute() {
        at(0, btc("0.0100", null), opp("BTC/USDT", "kraken", "binance", "0.1000", nets("100", "0.0200")));
        List<Episode> ended = at(3, btc("0.0100", null));
        assertEquals(1, ended.size());
        assertEquals("kraken", ended.get(0).route().buyExchange());
    }
}
