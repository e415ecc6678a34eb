package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.db.WriteCommits;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spread history on a temporary SQLite file and a test clock: batching, exact roll-ups, retention over 90 days. */
class SpreadHistoryTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);
    Database db;
    Tx tx;
    final SpreadHistoryDao dao = new SpreadHistoryDao();
    SpreadHistory history;
    EpisodeLog episodes;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("arbdesk.db"), 2);
        Migrations.apply(db);
        tx = new Tx(db);
        episodes = new EpisodeLog(tx, new EpisodeDao(), clock);
        history = new SpreadHistory(tx, dao, HistoryRetention.defaults(), episodes, clock);
    }

    @AfterEach
    void close() {
        history.close();
        db.close();
    }

    static Opportunity opp(String pair, String buy, String sell, String gross, Map<String, String> netBySize, String... flags) {
        List<SizeResult> sizes = netBySize.entrySet().stream().map(e -> new SizeResult(new BigDecimal(e.getKey()), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, e.getValue() == null ? null : new BigDecimal(e.getValue()), BigDecimal.ZERO,
                e.getValue() != null)).toList();
        BigDecimal smallest = sizes.get(0).netPct();
        return new Opportunity(pair, buy, sell, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(gross), smallest, sizes,
                BigDecimal.ZERO, Duration.ZERO, Duration.ZERO, Set.of(flags));
    }

    static Map<String, String> nets(String... sizeThenNet) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < sizeThenNet.length; i += 2) {
            m.put(sizeThenNet[i], sizeThenNet[i + 1]);
        }
        return m;
    }

    long rows(HistoryTier tier) {
        return tx.read(c -> dao.count(c, tier));
    }

    @Test
    void aPollIsOneWriteTransactionWhateverTheNumberOfRoutes() {
        WriteCommits commits = WriteCommits.on(db);
        history.record(clock.instant(), List.of(
                opp("BTC/USDT", "binance", "kraken", "0.2500", nets("100", "0.1000", "1000", "0.0500", "10000", "-0.0100")),
                opp("BTC/USDT", "kraken", "binance", "-0.3000", nets("100", "-0.5000", "1000", "-0.5500", "10000", null)),
                opp("ETH/USDT", "okx", "kraken", "9.0000", nets("100", "8.0000"), Opportunity.IMPLAUSIBLE),
                opp("ETH/USDT", "okx", "kucoin", "0.1000", nets("100", "0.0100"), Opportunity.STALE)));
        assertEquals(1, commits.count(), "one transaction per poll");
        // 3 + 2 fillable sizes; the unfillable size, the implausible and the stale rows are not history
        assertEquals(5, rows(HistoryTier.FULL));
        history.record(clock.instant().plusSeconds(3), List.of(
                opp("BTC/USDT", "binance", "kraken", "0.2500", nets("100", "0.1000", "1000", "0.0500", "10000", "-0.0100"))));
        assertEquals(2, commits.count(), "route ids are cached: the next poll is one transaction again");
        assertEquals(8, rows(HistoryTier.FULL));
    }

    @Test
    void rollUpsKeepExactMeansPeaksAndProfitableCountsThenRetentionDeletes() {
        // three polls inside one minute (the first and the last open an episode, the second ends one), hand-computed: net mean (0.1 - 0.05 + 0.2) / 3 = 0.08333.. -> 0.0833,
        // gross mean (0.3 + 0.3 + 0.6) / 3 = 0.4000, peak 0.2000, profitable in 2 of 3
        history.record(T0.plusSeconds(10), List.of(opp("BTC/USDT", "binance", "kraken", "0.3000", nets("100", "0.1000"))));
        history.record(T0.plusSeconds(20), List.of(opp("BTC/USDT", "binance", "kraken", "0.3000", nets("100", "-0.0500"))));
        history.record(T0.plusSeconds(30), List.of(opp("BTC/USDT", "binance", "kraken", "0.6000", nets("100", "0.2000"))));

        clock.advance(Duration.ofMinutes(60));
        assertEquals(new SpreadHistory.Compaction(0, 0, 0, 0), history.compact(), "not older than an hour yet");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new SpreadHistory.Compaction(3, 0, 0, 0), history.compact());
        assertEquals(0, rows(HistoryTier.FULL));
        assertEquals(1, rows(HistoryTier.MINUTE));
        SpreadPoint minute = onlyPoint(HistoryRange.DAY);
        assertEquals(T0, minute.at());
        assertPoint(minute, "0.4000", "0.0833", "0.2000", 3, 2);

        clock.advance(Duration.ofDays(7));
        assertEquals(new SpreadHistory.Compaction(0, 1, 0, 0), history.compact());
        assertEquals(0, rows(HistoryTier.MINUTE));
        assertEquals(1, rows(HistoryTier.HOUR));
        assertPoint(onlyPoint(HistoryRange.MONTH), "0.4000", "0.0833", "0.2000", 3, 2);

        clock.advance(Duration.ofDays(83).minusMinutes(62));
        assertEquals(new SpreadHistory.Compaction(0, 0, 0, 0), history.compact(), "younger than 90 days");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(new SpreadHistory.Compaction(0, 0, 1, 1), history.compact());
        assertEquals(0, rows(HistoryTier.HOUR));
    }

    @Test
    void ninetyDaysOfPollsStayBoundedAndEveryTierHoldsOnlyItsAges() {
        Duration poll = Duration.ofMinutes(10);
        long polls = 0;
        long hours = 0;
        while (clock.instant().isBefore(T0.plus(Duration.ofDays(91)))) {
            clock.advance(poll);
            polls++;
            String net = polls % 3 == 0 ? "0.0300" : "-0.0200";
            history.record(clock.instant(), List.of(opp("SOL/USDT", "okx", "binance", "0.1500", nets("1000", net))));
            if (polls % 6 == 0) {
                history.compact();
                hours++;
                if (hours % 24 == 0) {
                    assertAgesWithinRetention();
                }
            }
        }
        // 1 h of polls (6), 7 d of minute buckets (one poll each, 1,002 after the first hour), 83 d of hours (1,992)
        assertTrue(rows(HistoryTier.FULL) <= 7, "full: " + rows(HistoryTier.FULL));
        assertTrue(rows(HistoryTier.MINUTE) <= 7 * 24 * 6 + 6, "minutes: " + rows(HistoryTier.MINUTE));
        assertTrue(rows(HistoryTier.HOUR) <= 83 * 24 + 1, "hours: " + rows(HistoryTier.HOUR));
        // the 30-day chart is hourly and every sample is accounted for: 6 polls an hour, one in three profitable
        SpreadSeries month = history.series("SOL/USDT", "okx", "binance", HistoryRange.MONTH);
        assertEquals(1, month.sizes().size());
        List<SpreadPoint> points = month.sizes().get(0).points();
        assertTrue(points.size() >= 30 * 24 && points.size() <= 30 * 24 + 1, "points: " + points.size());
        SpreadPoint middle = points.get(points.size() / 2);
        assertPoint(middle, "0.1500", "-0.0033", "0.0300", 6, 2);
    }

    @Test
    void theDayChartMergesMinuteBucketsAndRecentPollsIntoTwoMinuteSteps() {
        clock.advance(Duration.ofHours(2));
        history.record(T0.plusSeconds(3), List.of(opp("BTC/USDT", "binance", "kraken", "0.1000", nets("100", "0.0100"))));
        history.record(T0.plusSeconds(63), List.of(opp("BTC/USDT", "binance", "kraken", "0.1000", nets("100", "0.0300"))));
        history.compact();
        assertEquals(2, rows(HistoryTier.MINUTE));
        Instant recent = clock.instant().minusSeconds(30);
        history.record(recent, List.of(opp("BTC/USDT", "binance", "kraken", "0.2000",
                nets("100", "-0.0100", "1000", "-0.0200"))));
        SpreadSeries day = history.series("BTC/USDT", "binance", "kraken", HistoryRange.DAY);
        assertEquals(List.of("100", "1000"), day.sizes().stream().map(s -> s.sizeUsd().toPlainString()).toList());
        List<SpreadPoint> small = day.sizes().get(0).points();
        assertEquals(2, small.size());
        assertPoint(small.get(0), "0.1000", "0.0200", "0.0300", 2, 2);
        assertEquals(T0, small.get(0).at());
        assertPoint(small.get(1), "0.2000", "-0.0100", "-0.0100", 1, 0);
        assertEquals(0, history.series("BTC/USDT", "kraken", "binance", HistoryRange.DAY).sizes().size());
    }

    @Test
    void episodesAreStoredInThePollsTransactionListedWithOngoingOnesAndTheirTypicalDuration() {
        WriteCommits commits = WriteCommits.on(db);
        String[] nets = {"0.0100", "0.0300", "-0.0100", "0.0200", "0.0200", "0.0200", "0.0200", "-0.0100", "0.0500"};
        for (int i = 0; i < nets.length; i++) {
            history.record(T0.plusSeconds(3L * i), List.of(opp("BTC/USDT", "binance", "kraken", "0.2000", nets("100", nets[i]))));
        }
        assertEquals(nets.length, commits.count(), "episodes ride in the poll's own transaction");
        clock.advance(Duration.ofSeconds(27));
        EpisodeLog.View view = episodes.recent(Duration.ofHours(24), new EpisodeLog.Filter(null, null, null, null));
        // 0 s..6 s (peak 0.03), 9 s..21 s (peak 0.02), and the one open since 24 s
        assertEquals(3, view.episodes().size());
        assertTrue(view.episodes().get(0).ongoing());
        assertEquals(T0.plusSeconds(9), view.episodes().get(1).start());
        assertEquals(Duration.ofSeconds(12), view.episodes().get(1).duration(clock.instant()));
        assertEquals(new BigDecimal("0.0300"), view.episodes().get(2).peakNetPct());
        EpisodeLog.Typical typical = view.typical().get(0);
        assertEquals(3, typical.episodes());
        assertEquals(Duration.ofSeconds(6), typical.medianDuration(), "3 s (ongoing so far), 6 s and 12 s");
        assertEquals(new BigDecimal("0.0500"), typical.bestPeakNetPct());
        assertEquals(1, episodes.recent(Duration.ofHours(24), new EpisodeLog.Filter("btc/usdt", "KRAKEN", new BigDecimal("100"),
                Duration.ofSeconds(10))).episodes().size());
        assertEquals(0, episodes.recent(Duration.ofHours(24), new EpisodeLog.Filter("ETH/USDT", null, null, null)).episodes().size());
        clock.advance(Duration.ofDays(91));
        history.compact();
        assertEquals(1, episodes.recent(Duration.ofDays(365), new EpisodeLog.Filter(null, null, null, null)).episodes().size(),
                "ended episodes go with the hourly history; the open one stays");
    }

    private void assertAgesWithinRetention() {
        long now = clock.instant().toEpochMilli();
        long oldestFull = oldest(HistoryTier.FULL);
        long oldestMinute = oldest(HistoryTier.MINUTE);
        long oldestHour = oldest(HistoryTier.HOUR);
        assertTrue(oldestFull == Long.MAX_VALUE || now - oldestFull <= Duration.ofMinutes(61).toMillis(), "full row too old");
        assertTrue(oldestMinute == Long.MAX_VALUE || now - oldestMinute <= Duration.ofDays(7).plusHours(1).toMillis(),
                "minute bucket too old");
        assertTrue(oldestHour == Long.MAX_VALUE || now - oldestHour <= Duration.ofDays(90).plusHours(1).toMillis(),
                "hour bucket too old");
    }

    private long oldest(HistoryTier tier) {
        return tx.read(c -> com.arbdesk.core.db.Jdbc.queryOne(c,
                "SELECT coalesce(min(bucket_ms), 9223372036854775807) AS m FROM arbitrage_history WHERE tier = ?",
                st -> st.setInt(1, tier.code()), rs -> rs.getLong("m")).orElseThrow());
    }

    private SpreadPoint onlyPoint(HistoryRange range) {
        SpreadSeries s = history.series("BTC/USDT", "binance", "kraken", range);
        assertEquals(1, s.sizes().size());
        assertEquals(1, s.sizes().get(0).points().size());
        return s.sizes().get(0).points().get(0);
    }

    private static void assertPoint(SpreadPoint p, String gross, String net, String netMax, int samples, int profitable) {
        assertEquals(new BigDecimal(gross), p.grossPct(), "gross");
        assertEquals(new BigDecimal(net), p.netPct(), "net");
        assertEquals(new BigDecimal(netMax), p.netMaxPct(), "peak");
        assertEquals(samples, p.samples(), "samples");
        assertEquals(profitable, p.profitableSamples(), "profitable samples");
    }
}
