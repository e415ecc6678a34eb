package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.LoginThrottle;
import com.arbdesk.auth.PasswordHasher;
import com.arbdesk.auth.PasswordPolicy;
import com.arbdesk.auth.RateLimiter;
import com.arbdesk.auth.Role;
import com.arbdesk.auth.SessionDao;
import com.arbdesk.auth.SessionService;
import com.arbdesk.auth.UserDao;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.db.WriteCommits;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositChanged;
import com.arbdesk.deposit.DepositMode;
import com.arbdesk.deposit.DepositStatus;
import com.arbdesk.ledger.BalanceChanged;
import com.arbdesk.ledger.LedgerDao;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionDao;
import com.arbdesk.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live-event outbox over a real SQLite file: events are stored in the transaction of their change,
 * delivered once, in seq order, only after it commits, and a fan-out to many admins adds no write transaction.
 */
class LiveOutboxIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private final EventBus events = new EventBus();
    private final SessionRegistry sockets = new SessionRegistry();
    private Database db;
    private Tx tx;
    private WriteCommits commits;
    private LivePublisher publisher;
    private long userId;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("outbox.db"), 2);
        Migrations.apply(db);
        tx = new Tx(db);
        UserDao users = new UserDao();
        SessionService sessions = new SessionService(tx, new SessionDao(), users,
                new JwtService("a-test-secret-that-is-long-enough-for-hs256", clock), events::publish, clock);
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(10, 10, Duration.ofMinutes(1)), clock);
        AuthService auth = new AuthService(tx, users, new PasswordHasher(), PasswordPolicy.load(), sessions, throttle,
                new RateLimiter(10, Duration.ofHours(1), RateLimiter.DEFAULT_MAX_KEYS, clock),
                new com.arbdesk.auth.SecondFactorService(tx, new com.arbdesk.auth.SecondFactorDao(), throttle, clock, false),
                new com.arbdesk.auth.SecondFactorChallenges("a-test-secret-that-is-long-enough-for-hs256", clock), clock);
        LedgerService ledger = new LedgerService(tx, new LedgerDao(), new TransactionDao(), events, clock);
        publisher = new LivePublisher(tx, new LiveEventDao(), auth, ledger, sockets, clock);
        publisher.listenTo(events);
        userId = insertUser("user@example.com", Role.USER);
        commits = WriteCommits.on(db);
    }

    @AfterEach
    void stop() {
        publisher.close();
        db.close();
    }

    @Test
    void aRolledBackChangeStoresAndSendsNothing() throws Exception {
        FakeSocket socket = connect(userId);
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(c -> {
            events.publish(balance(userId, "5.00"));
            throw new IllegalStateException("the change fails after publishing");
        }));
        assertEquals(0, rows());
        tx.inTransaction(c -> {
            events.publish(balance(userId, "7.00"));
            return null;
        });
        List<JsonNode> got = socket.await(2);
        assertEquals("7.00", got.get(1).path("data").path("new_balance").asText(), "only the committed change was sent");
        assertEquals(1, got.get(1).path("seq").asLong());
        Thread.sleep(200);
        assertEquals(2, socket.received().size());
        assertEquals(1, rows());
    }

    @Test
    void aCommittedChangesEventsAreStoredInItsTransactionAndSentOnceInSeqOrderAfterTheCommit() throws Exception {
        FakeSocket socket = connect(userId);
        int before = commits.count();
        tx.inTransaction(c -> {
            events.publish(balance(userId, "1.00"));
            events.publish(balance(userId, "2.00"));
            events.publish(balance(userId, "3.00"));
            assertEquals(3, count(c), "the rows are written in the change's transaction");
            publisher.wake(); // even an eager delivery pass cannot see, so cannot send, uncommitted rows
            sleep(200);
            assertEquals(1, socket.received().size(), "nothing but the hello before the commit");
            return null;
        });
        assertEquals(before + 1, commits.count(), "the change and its events: one write transaction");
        List<JsonNode> got = socket.await(4);
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, got.get(i).path("seq").asLong());
            assertEquals("balance_updated", got.get(i).path("event").asText());
            assertEquals(i + ".00", got.get(i).path("data").path("new_balance").asText());
        }
        publisher.wake();
        Thread.sleep(200);
        assertEquals(4, socket.received().size(), "each event is sent once");
    }

    @Test
    void eventsPublishedOutsideATransactionAreStoredAndSentToo() throws Exception {
        FakeSocket socket = connect(userId);
        events.publish(balance(userId, "4.00"));
        assertEquals("4.00", socket.await(2).get(1).path("data").path("new_balance").asText());
        assertEquals(1, rows());
    }

    @Test
    void fanningOutToManyAdminsCostsNoExtraWriteTransaction() throws Exception {
        List<FakeSocket> admins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admins.add(connect(insertUser("admin" + i + "@example.com", Role.ADMIN)));
        }
        FakeSocket user = connect(userId);
        int before = commits.count();
        tx.inTransaction(c -> {
            events.publish(new DepositChanged(deposit(), null, Money.usd("0"), true));
            return null;
        });
        assertEquals(before + 1, commits.count(), "one write transaction whatever the number of admins");
        assertEquals(1 + admins.size(), rows());
        assertEquals("deposit_updated", user.await(2).get(1).path("event").asText());
        assertEquals("0.00", user.received().get(1).path("data").path("new_balance").asText(), "balance read in the change's transaction");
        for (FakeSocket a : admins) {
            JsonNode e = a.await(2).get(1);
            assertEquals("admin_deposits_stream", e.path("event").asText());
            assertEquals(1, e.path("seq").asLong());
            assertEquals("u***@example.com", e.path("data").path("user").path("email").asText());
        }
    }

    @Test
    void aStuckMarketBroadcastNeverDelaysADepositOrBalanceEvent() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        FakeSocket stuck = new FakeSocket() {
            @Override
            public void sendText(String message, Consumer<Boolean> done) {
                if (message.contains("arbitrage_update")) {
                    entered.countDown();
                    try {
                        release.await(); // a broadcast that takes forever (thousands of sockets, a slow one)
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.sendText(message, done);
            }
        };
        Outbox watcher = sockets.add(insertUser("watcher@example.com", Role.USER), null, null, stuck);
        watcher.subscribeMarketSummary(); // market data reaches only the sockets that asked for it
        watcher.start("{\"event\":\"hello\",\"seq\":0,\"data\":{}}");
        FakeSocket socket = connect(userId);
        try {
            events.publish(new com.arbdesk.arbitrage.ArbitrageUpdated(clock.instant(), 3, "simulated"));
            assertTrue(entered.await(2, java.util.concurrent.TimeUnit.SECONDS), "the broadcast is stuck in the watcher's send");
            events.publish(balance(userId, "9.00"));
            long until = System.currentTimeMillis() + 2_000;
            JsonNode got = null;
            while (got == null && System.currentTimeMillis() < until) {
                got = socket.received().stream().filter(m -> m.path("event").asText().equals("balance_updated")).findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertTrue(got != null, "the balance event left while the market broadcast was stuck");
            assertEquals("9.00", got.path("data").path("new_balance").asText());
        } finally {
            release.countDown();
        }
    }

    @Test
    void adminIdsAreCachedAndForgottenWhenARoleChanges() {
        AuthService auth = new AuthService(tx, new UserDao(), new PasswordHasher(), PasswordPolicy.load(),
                new SessionService(tx, new SessionDao(), new UserDao(),
                        new JwtService("a-test-secret-that-is-long-enough-for-hs256", clock), events::publish, clock),
                new LoginThrottle(new LoginThrottle.Settings(10, 10, Duration.ofMinutes(1)), clock),
                new RateLimiter(10, Duration.ofHours(1), RateLimiter.DEFAULT_MAX_KEYS, clock),
                new com.arbdesk.auth.SecondFactorService(tx, new com.arbdesk.auth.SecondFactorDao(),
                        new LoginThrottle(new LoginThrottle.Settings(10, 10, Duration.ofMinutes(1)), clock), clock, false),
                new com.arbdesk.auth.SecondFactorChallenges("a-test-secret-that-is-long-enough-for-hs256", clock), clock);
        assertEquals(List.of(), auth.adminIds());
        long sneaked = insertUser("sql-admin@example.com", Role.ADMIN);
        assertEquals(List.of(), auth.adminIds(), "cached: the users table is not read on every deposit event");
        long promoted = auth.ensureAccount("boss@example.com", "a long enough passphrase 42", Role.ADMIN).id();
        assertEquals(List.of(sneaked, promoted), auth.adminIds(), "a role given through the service is seen at once");
        auth.setDisabled(promoted, true);
        assertEquals(List.of(sneaked), auth.adminIds(), "so is a disabled admin");
        tx.inTransaction(c -> Jdbc.update(c, "UPDATE users SET disabled = 1 WHERE id = ?", st -> st.setLong(1, sneaked)));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(List.of(), auth.adminIds(), "changes made outside the service are seen within the cache's lifetime");
    }

    private long insertUser(String email, Role role) {
        return tx.inTransaction(c -> new UserDao().insert(c, email, "not-a-hash", role, clock.instant()));
    }

    private FakeSocket connect(long user) {
        FakeSocket s = new FakeSocket();
        sockets.add(user, null, null, s).start("{\"event\":\"hello\",\"seq\":0,\"data\":{}}");
        return s;
    }

    private int rows() {
        return tx.read(LiveOutboxIT::count);
    }

    private static int count(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM live_events", st -> { }, rs -> rs.getInt(1)).orElse(0);
    }

    private static BalanceChanged balance(long user, String newBalance) {
        return new BalanceChanged(user, Money.usd(newBalance), Money.usd("1.00"), 1, "test");
    }

    private Deposit deposit() {
        Instant now = clock.instant();
        return new Deposit(7, userId, "user@example.com", DepositMode.PAYMENT, Money.usd("10.00"), DepositStatus.PENDING, "usdttrc20",
                "tron", "usdttrc20", "10", null, null, Money.usd("0"), "p-1", "o-1", null, null, "T-address", null, null,
                null, null, "waiting", Set.of(), null, null, now, now, Deposit.Watch.NONE);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A socket that records what it was sent, read back as JSON. */
    static class FakeSocket extends RecordingSocket {
        List<JsonNode> received() {
            return sent().stream().map(FakeSocket::parse).toList();
        }

        /** Waits until at least {@code n} messages arrived. */
        List<JsonNode> await(int n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received().size() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<JsonNode> got = received();
            assertTrue(got.size() >= n, "expected " + n + " messages, got " + got);
            return got;
        }

        private static JsonNode parse(String s) {
            try {
                return LivePublisher.JSON.readTree(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
