package com.arbdesk.realtime;

import com.arbdesk.alerts.AlertFired;
import com.arbdesk.arbitrage.ArbitrageUpdated;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.SessionsEnded;
import com.arbdesk.auth.UserDisabled;
import com.arbdesk.core.Background;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.deposit.DepositChanged;
import com.arbdesk.ledger.BalanceChanged;
import com.arbdesk.ledger.LedgerService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns changes into WebSocket events through a transactional outbox: {@link LiveEventWriter} stores
 * them with the change, and after the commit one delivery thread sends the stored rows not sent yet,
 * in commit order, so each user's events leave in seq order and none leaves before its change is
 * committed. Events not kept for catch-up (market updates, socket closes) go out after commit directly.
 * Why a second thread: the market broadcast (one offer per open socket, every few seconds), the 30 s session
 * sweep and the pruning run on "live-housekeeping", so at thousands of sockets they never delay a deposit or
 * balance event, whose thread does nothing but deliver.
 */
public final class LivePublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());
    public static final ObjectMapper JSON = new ObjectMapper();
    static final Duration KEEP = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final Tx tx;
    private final LiveEventDao dao;
    private final AuthService auth;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final LiveEventWriter writer;
    private final ScheduledExecutorService thread = Background.singleThread("live-publisher");
    private final ScheduledExecutorService housekeeping = Background.singleThread("live-housekeeping");
    private final AtomicBoolean deliveryQueued = new AtomicBoolean();
    /** The newest row sent; only the delivery thread touches it. Rows stored before start-up are left to catch-up. */
    private long deliveredId;
    private volatile BooleanSupplier pruneWhen = () -> true;
    private volatile Function<ArbitrageUpdated, String> marketData;

    public LivePublisher(Tx tx, LiveEventDao dao, AuthService auth, LedgerService ledger, SessionRegistry sessions, Clock clock) {
        this.tx = tx;
        this.dao = dao;
        this.auth = auth;
        this.sessions = sessions;
        this.clock = clock;
        this.writer = new LiveEventWriter(tx, dao, auth, ledger, clock, this::wake);
        this.deliveredId = tx.read(dao::lastId);
        housekeeping.scheduleWithFixedDelay(this::pruneQuietly, 10, 10, TimeUnit.MINUTES);
        // every socket every 30 s, a thirtieth of them each second
        housekeeping.scheduleWithFixedDelay(new Heartbeat(sessions, auth, clock)::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Subscribes to the bus: the stored events in the publisher's transaction, the others after its commit. */
    public void listenTo(EventBus events) {
        events.inTransaction(DepositChanged.class, writer::depositChanged);
        events.inTransaction(BalanceChanged.class, writer::balanceChanged);
        events.inTransaction(AlertFired.class, writer::alertFired);
        // market data is not kept for catch-up: a reconnecting page simply re-reads the table
        events.afterCommit(ArbitrageUpdated.class, a -> housekeeping.execute(() -> announceMarket(a)));
        events.afterCommit(UserDisabled.class, d -> thread.execute(() -> sessions.closeUser(d.userId(), "account disabled")));
        events.afterCommit(SessionsEnded.class, ended -> thread.execute(() -> sessions.closeSessions(ended)));
    }

    /**
     * Called after a commit that stored events, here or (through the database's notifications) on another instance.
     * One queued pass is enough however many commits call this:
     * the flag is cleared before the pass reads, so a commit after that read queues the next pass.
     */
    public void wake() {
        if (deliveryQueued.compareAndSet(false, true)) {
            thread.execute(this::deliver);
        }
    }

    /**
     * Sends the rows stored since the last pass. Reading them back by id, rather than handing them over in
     * memory, keeps the order right across transactions: with one writer, ids follow commit order, and a
     * reader sees every transaction committed before it started.
     */
    private void deliver() {
        deliveryQueued.set(false);
        try {
            List<LiveEventDao.Stored> batch;
            do {
                long from = deliveredId;
                batch = tx.read(c -> dao.afterId(c, from, BATCH));
                for (LiveEventDao.Stored e : batch) {
                    sessions.sendToUser(e.userId(), envelope(e.event(), e.seq(), e.data()));
                    deliveredId = e.id();
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            // a background loop: the rows are kept, the next wake resumes after the last one sent
            LOG.log(Level.SEVERE, "could not deliver live events", e);
        }
    }

    /**
     * What arbitrage_update carries to the sockets that asked for market data ({@code {"type":"subscribe","topic":"market"}}:
     * the web layer's delta of the shared list); computed once per announcement on the housekeeping thread, the same
     * text for all of them. The other sockets (pages without the table) get the short summary only.
     */
    public void announceMarketWith(Function<ArbitrageUpdated, String> data) {
        this.marketData = data;
    }

    private void announceMarket(ArbitrageUpdated a) {
        try {
            String summary = envelope("arbitrage_update", 0, summary(a));
            Function<ArbitrageUpdated, String> data = marketData;
            sessions.broadcastMarket(data == null ? summary : envelope("arbitrage_update", 0, data.apply(a)), summary);
        } catch (RuntimeException e) {
            // a background task: this announcement is lost, the next one carries the delta from the last version sent
            LOG.log(Level.WARNING, "could not announce market data", e);
        }
    }

    private static String summary(ArbitrageUpdated a) {
        return "{\"updated_at\":\"" + a.updatedAt() + "\",\"count\":" + a.count() + ",\"source\":\"" + a.source() + "\"}";
    }

    public static String envelope(String event, long seq, String dataJson) {
        return "{\"event\":\"" + event + "\",\"seq\":" + seq + ",\"data\":" + dataJson + "}";
    }

    public int prune() {
        return tx.inTransaction(c -> dao.pruneBefore(c, clock.instant().minus(KEEP)));
    }

    /**
     * Several instances on one database: only the one doing the background work prunes (the others would run the
     * same DELETE for nothing).
     */
    public void pruneOnlyWhile(BooleanSupplier active) {
        this.pruneWhen = active;
    }

    private void pruneQuietly() {
        if (!pruneWhen.getAsBoolean()) {
            return;
        }
        try {
            prune();
        } catch (RuntimeException e) {
            // a background loop: log and try again later
            LOG.log(Level.WARNING, "pruning live events failed", e);
        }
    }

    /** Catch-up for a reconnecting client: the events after its last seq, or null when they are gone (resync). */
    public List<LiveEventDao.Stored> since(long userId, long lastSeq, int max) {
        return tx.read(c -> {
            long oldest = dao.oldestSeq(c, userId);
            if (lastSeq + 1 < oldest) {
                return null;
            }
            List<LiveEventDao.Stored> missed = dao.after(c, userId, lastSeq, max + 1);
            return missed.size() > max ? null : missed;
        });
    }

    public long latestSeq(long userId) {
        return tx.read(c -> dao.latestSeq(c, userId));
    }

    @Override
    public void close() {
        thread.shutdown();
        housekeeping.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
            housekeeping.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
