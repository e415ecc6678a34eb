package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.EngineSettings;
import com.arbdesk.arbitrage.Fees;
import com.arbdesk.arbitrage.Opportunity;
import com.arbdesk.arbitrage.SizeResult;
import com.arbdesk.auth.Role;
import com.arbdesk.auth.UserDao;
import com.arbdesk.config.AppConfig;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over a migrated temp database on a test clock: a poll's match is recorded with its event in the
 * same transaction, seen clears the unread count, a failed delivery is given up after the ladder, and the log is
 * pruned after 30 days.
 */
class AlertServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private WebhookSender sender;
    private AlertService alerts;
    private long userId;
    private final TestClock clock = new TestClock();
    private final List<AlertFired> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("alerts.db"), 2);
        Migrations.apply(db);
        Tx tx = new Tx(db);
        userId = tx.inTransaction(c -> new UserDao().insert(c, "a@example.com", "x", Role.USER, clock.instant()));
        EventBus bus = new EventBus();
        bus.inTransaction(AlertFired.class, events::add);
        AlertStore store = new AlertStore();
        sender = new WebhookSender(tx, store.deliveries(), store.webhooks(), new WebhookUrls(false), Duration.ofSeconds(1),
                List.of(Duration.ofHours(1)), clock);
        ArbitrageService.Settings watched = new ArbitrageService.Settings(List.of("binance", "kraken"), List.of("BTC/USDT"),
                Duration.ofSeconds(3), new EngineSettings(Duration.ofSeconds(10), new BigDecimal("5"), List.of(new BigDecimal("1000"))),
                Fees.defaults());
        alerts = new AlertService(tx, store, new AppConfig.Alerts(20, 100, Duration.ofSeconds(60), 10, Duration.ofSeconds(1), List.of()),
                new WebhookUrls(false), watched, bus, sender, clock);
    }

    @AfterEach
    void close() {
        sender.close();
        alerts.close();
        db.close();
    }

    private static Opportunity op(String net) {
        SizeResult s = new SizeResult(new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(net),
                BigDecimal.ONE, true);
        return new Opportunity("BTC/USDT", "binance", "kraken", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(net),
                List.of(s), BigDecimal.ONE, Duration.ZERO, Duration.ZERO, Set.of());
    }

    @Test
    void aMatchIsRecordedWithItsEventAndSeenClearsTheCount() {
        alerts.create(userId, new AlertRequests.Input("btc/usdt", "", "KRAKEN", "1000.00", "0.25", 0L, null));
        alerts.onRound(clock.instant(), List.of(op("0.2")));
        assertEquals(0, alerts.firings(userId, 10).firings().size(), "0.2 % is below 0.25 %");
        alerts.onRound(clock.instant(), List.of(op("0.3")));
        AlertService.Firings f = alerts.firings(userId, 10);
        assertEquals(1, f.firings().size());
        assertEquals(1, f.unread());
        assertEquals(new BigDecimal("0.3"), f.firings().get(0).netPct());
        assertEquals("kraken", f.firings().get(0).sellExchange());
        assertEquals(1, events.size(), "the live event was written in the firing's transaction");
        assertEquals(1, events.get(0).unread());
        assertEquals(1, alerts.markSeen(userId));
        assertEquals(0, alerts.unread(userId));
    }

    @Test
    void aFailedDeliveryWaitsForItsRetryIsDroppedWhenTheWebhookGoesAndTheLogIsPrunedAfter30Days() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        alerts.setWebhook(userId, "http://127.0.0.1:" + closedPort + "/hook");
        alerts.create(userId, new AlertRequests.Input(null, null, null, "1000", "-100", 0L, true));
        alerts.onRound(clock.instant(), List.of(op("0.1")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (alerts.deliveries(userId, 10).get(0).attempts() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        WebhookDelivery d = alerts.deliveries(userId, 10).get(0);
        assertEquals(DeliveryStatus.PENDING, d.status(), d.toString());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), d.nextAttemptAt(), "the first wait of the ladder");
        assertTrue(d.lastError() != null && d.lastStatusCode() == null, "connection refused: " + d);
        assertEquals(0, sender.pass(), "not due yet");

        alerts.setWebhook(userId, " ");
        clock.advance(Duration.ofHours(2));
        assertEquals(1, sender.pass());
        d = alerts.deliveries(userId, 10).get(0);
        assertEquals(DeliveryStatus.FAILED, d.status(), "the webhook was removed: given up, not retried");
        assertEquals("IOException: the webhook was removed", d.lastError());
        assertEquals(2, d.attemptLog().size());

        clock.advance(Duration.ofDays(29));
        assertEquals(0, alerts.prune(), "29 days old: kept");
        clock.advance(Duration.ofDays(2));
        assertEquals(2, alerts.prune(), "the delivery and the firing");
        assertTrue(alerts.deliveries(userId, 10).isEmpty());
        assertTrue(alerts.firings(userId, 10).firings().isEmpty());
        assertEquals(1, alerts.rules(userId).size(), "rules stay");
    }
}
