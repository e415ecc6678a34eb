package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.SpreadHistoryTest.nets;
import static com.arbdesk.arbitrage.SpreadHistoryTest.opp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An episode still going on is stored with every poll, so a restart (a new log on the same database) picks it up. */
class OpenEpisodesTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Route ROUTE = new Route("BTC/USDT", "binance", "kraken", new BigDecimal("100"));

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);

    record Running(Database db, EpisodeLog log, SpreadHistory history) implements AutoCloseable {
        @Override
        public void close() {
            history.close();
            db.close();
        }
    }

    Running start() {
        Database db = Database.open(dir.resolve("arbdesk.db"), 2);
        Migrations.apply(db);
        Tx tx = new Tx(db);
        EpisodeLog log = new EpisodeLog(tx, new EpisodeDao(), clock);
        log.restoreOpen();
        return new Running(db, log, new SpreadHistory(tx, new SpreadHistoryDao(), HistoryRetention.defaults(), log, clock));
    }

    void poll(Running r, int atSeconds, String net100) {
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(atSeconds)));
        r.history().record(clock.instant(), List.of(opp("BTC/USDT", "binance", "kraken", "0.5000", nets("100", net100))));
    }

    List<Episode> logged(Running r) {
        return r.log().recent(Duration.ofDays(1), new EpisodeLog.Filter(null, null, null, null)).episodes();
    }

    @Test
    void anOpenEpisodeSurvivesARestartAndEndsWhenNoLongerSeen() {
        try (Running before = start()) {
            poll(before, 0, "0.1000");
            poll(before, 3, "0.3000");
        }
        try (Running after = start()) {
            List<Episode> restored = logged(after);
            assertEquals(1, restored.size(), "the open episode is back after the restart");
            Episode e = restored.get(0);
            assertEquals(ROUTE, e.route());
            assertEquals(T0, e.start());
            assertNull(e.end());
            assertEquals(new BigDecimal("0.3000"), e.peakNetPct());
            poll(after, 10, "0.2000");
            poll(after, 13, "-0.1000");
            List<Episode> ended = logged(after);
            assertEquals(1, ended.size());
            assertEquals(T0, ended.get(0).start(), "one episode across the restart, not two");
            assertEquals(T0.plusSeconds(13), ended.get(0).end());
        }
        try (Running again = start()) {
            assertEquals(1, logged(again).size(), "ended and stored once; no open row left behind");
            assertEquals(T0.plusSeconds(13), logged(again).get(0).end());
        }
    }

    @Test
    void anEpisodeNotSeenAfterTheRestartEndsWhenItWasLastSeenNotCountingTheDowntime() {
        try (Running before = start()) {
            poll(before, 0, "0.1000");
            poll(before, 3, "0.1000");
        }
        try (Running after = start()) {
            poll(after, 600, "-0.1000");
            List<Episode> ended = logged(after);
            assertEquals(1, ended.size());
            assertEquals(T0.plusSeconds(3), ended.get(0).end(), "last seen before the restart");
        }
    }
}
