package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.arbitrage.Opportunity;
import com.arbdesk.arbitrage.SizeResult;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule matching poll by poll on a test clock: thresholds, duration held, any-exchange, once per stretch, cooldown, per-user cap. */
class AlertMatcherTest {
    private static final BigDecimal K1 = new BigDecimal("1000");
    private final TestClock clock = new TestClock();

    private static AlertRule rule(long id, long user, String pair, String buy, String sell, String minPct, long seconds) {
        Instant t = Instant.parse("2026-11-22T09:00:00Z");
        return new AlertRule(id, user, pair, buy, sell, K1, new BigDecimal(minPct), Duration.ofSeconds(seconds), true, t, t);
    }

    /** An opportunity whose net at $1,000 is {@code net1k} (and 9 % at $100, so the size is what is read). */
    private static Opportunity op(String pair, String buy, String sell, String net1k, String... flags) {
        BigDecimal n = net1k == null ? null : new BigDecimal(net1k);
        List<SizeResult> sizes = List.of(
                new SizeResult(new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("9"), BigDecimal.ONE, true),
                new SizeResult(K1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, n, n == null ? null : BigDecimal.ONE, n != null));
        return new Opportunity(pair, buy, sell, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("9"), sizes,
                BigDecimal.ONE, Duration.ZERO, Duration.ZERO, Set.of(flags));
    }

    private List<AlertMatcher.Fire> poll(AlertMatcher m, List<AlertRule> rules, Opportunity... ops) {
        List<AlertMatcher.Fire> out = m.round(clock.instant(), rules, List.of(ops));
        clock.advance(Duration.ofSeconds(3));
        return out;
    }

    @Test
    void firesOnlyOnceTheSpreadHeldForTheDurationAtTheRulesSize() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 100);
        List<AlertRule> rules = List.of(rule(1, 7, "BTC/USDT", null, null, "0.3", 10));
        assertTrue(poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.3")).isEmpty(), "t=0: held 0 s");
        assertTrue(poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.31")).isEmpty(), "t=3");
        assertTrue(poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.5")).isEmpty(), "t=6");
        assertTrue(poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.4")).isEmpty(), "t=9");
        List<AlertMatcher.Fire> fired = poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.4"));
        assertEquals(1, fired.size(), "t=12: held 12 s >= 10 s");
        assertEquals(new BigDecimal("0.4"), fired.get(0).netPct());
        assertEquals(Duration.ofSeconds(12), fired.get(0).held());
        assertTrue(poll(m, rules, op("BTC/USDT", "binance", "kraken", "0.4")).isEmpty(), "once per stretch, not every poll");
    }

    @Test
    void aPollBelowTheThresholdOrMissingTheRouteRestartsTheClock() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 100);
        List<AlertRule> rules = List.of(rule(1, 7, null, null, null, "0.3", 6));
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35"));
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.29")); // dips below: the stretch ends
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35"));
        assertTrue(poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35")).isEmpty(), "held 3 s since the dip");
        poll(m, rules); // the route is missing from a poll: not continuous either
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35"));
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35"));
        assertEquals(1, poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.35")).size(), "6 s held again");
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.1"));
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.4"));
        poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.4"));
        assertEquals(1, poll(m, rules, op("ETH/USDT", "okx", "kraken", "0.4")).size(), "a new stretch fires again");
    }

    @Test
    void staleImplausibleOrUnfillableQuotesNeverMatch() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 100);
        List<AlertRule> rules = List.of(rule(1, 7, null, null, null, "-100", 0));
        assertTrue(poll(m, rules, op("BTC/USDT", "a", "b", "1", Opportunity.STALE), op("BTC/USDT", "a", "c", "1", Opportunity.IMPLAUSIBLE),
                op("BTC/USDT", "a", "d", null)).isEmpty());
        assertEquals(1, poll(m, rules, op("BTC/USDT", "a", "e", "-2")).size(), "a -100 % threshold with no duration matches at once");
    }

    @Test
    void anyExchangeOrAFixedBuySellPair() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 100);
        AlertRule any = rule(1, 7, "BTC/USDT", null, null, "0", 0);
        AlertRule fixed = rule(2, 7, "BTC/USDT", "kraken", "binance", "0", 0);
        AlertRule buyOnly = rule(3, 7, null, "okx", null, "0", 0);
        List<AlertMatcher.Fire> fired = poll(m, List.of(any, fixed, buyOnly), op("BTC/USDT", "binance", "kraken", "0.2"),
                op("SOL/USDT", "okx", "kraken", "0.1"), op("ETH/USDT", "binance", "kraken", "0.9"));
        assertEquals(2, fired.size(), fired.toString());
        assertEquals("binance", fired.get(0).opportunity().buyExchange(), "any exchange: the BTC route");
        assertEquals(3, fired.get(1).rule().id(), "the buy-on-okx rule, any pair");
        assertTrue(poll(m, List.of(fixed), op("BTC/USDT", "binance", "kraken", "0.2")).isEmpty(), "kraken → binance only");
        assertEquals(1, poll(m, List.of(fixed), op("BTC/USDT", "kraken", "binance", "0.2")).size());
    }

    @Test
    void aRuleFiresItsBestRouteOncePerPollAndThenStaysQuietForTheCooldown() {
        AlertMatcher m = new AlertMatcher(Duration.ofSeconds(60), 100);
        List<AlertRule> rules = List.of(rule(1, 7, null, null, null, "0", 0));
        List<AlertMatcher.Fire> first = poll(m, rules, op("BTC/USDT", "a", "b", "0.1"), op("BTC/USDT", "a", "c", "0.7"));
        assertEquals(1, first.size());
        assertEquals("c", first.get(0).opportunity().sellExchange(), "the best net of the poll");
        for (int i = 0; i < 19; i++) { // 57 s more: still in the cooldown, although a → b is due
            assertTrue(poll(m, rules, op("BTC/USDT", "a", "b", "0.1"), op("BTC/USDT", "a", "c", "0.7")).isEmpty(), "poll " + i);
        }
        List<AlertMatcher.Fire> later = poll(m, rules, op("BTC/USDT", "a", "b", "0.1"), op("BTC/USDT", "a", "c", "0.7"));
        assertEquals(1, later.size(), "60 s after: the route that was still waiting");
        assertEquals("b", later.get(0).opportunity().sellExchange());
    }

    @Test
    void aUserGetsAtMostTheCapOfFiringsPerMinuteWhateverTheirRules() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 3);
        List<AlertRule> rules = List.of(rule(1, 7, null, null, null, "0", 0), rule(2, 7, null, null, null, "0", 0),
                rule(3, 7, null, null, null, "0", 0), rule(4, 7, null, null, null, "0", 0), rule(5, 8, null, null, null, "0", 0));
        List<AlertMatcher.Fire> fired = poll(m, rules, op("BTC/USDT", "a", "b", "0.1"));
        assertEquals(4, fired.size(), "3 for user 7, 1 for user 8");
        assertEquals(3, fired.stream().filter(f -> f.rule().userId() == 7).count());
        clock.advance(Duration.ofSeconds(57));
        List<AlertMatcher.Fire> next = poll(m, rules, op("BTC/USDT", "a", "b", "0.1"));
        assertEquals(1, next.size(), "a minute later user 7's fourth rule gets its turn");
        assertEquals(4, next.get(0).rule().id());
    }

    @Test
    void aChangedOrRemovedRuleStartsAfresh() {
        AlertMatcher m = new AlertMatcher(Duration.ZERO, 100);
        AlertRule r = rule(1, 7, null, null, null, "0", 3);
        poll(m, List.of(r), op("BTC/USDT", "a", "b", "0.1"));
        AlertRule stricter = rule(1, 7, null, null, null, "0.05", 3);
        assertTrue(poll(m, List.of(stricter), op("BTC/USDT", "a", "b", "0.1")).isEmpty(), "edited: held 0 s under the new rule");
        assertEquals(1, poll(m, List.of(stricter), op("BTC/USDT", "a", "b", "0.1")).size());
        poll(m, List.of(), op("BTC/USDT", "a", "b", "0.1"));
        assertEquals(0, m.trackedRules(), "a disabled or deleted rule keeps no state");
    }
}
