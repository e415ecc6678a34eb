package com.arbdesk.realtime;

import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.EmailMask;
import com.arbdesk.core.Background;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositChanged;
import com.arbdesk.ledger.BalanceChanged;
import com.arbdesk.ledger.LedgerService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns committed changes into WebSocket events: {@code deposit_updated} and {@code balance_updated}
 * to the user, {@code admin_deposits_stream} to every admin. Each event is stored with the next seq
 * of its recipient (for catch-up) and then queued to their sockets, all on one thread, so each
 * user's events leave in seq order.
 */
public final class LivePublisher implements Consumer<Object>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());
    public static final ObjectMapper JSON = new ObjectMapper();
    static final Duration KEEP = Duration.ofHours(1);

    private final Tx tx;
    private final LiveEventDao dao;
    private final AuthService auth;
    private final LedgerService ledger;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final ScheduledExecutorService thread = Background.singleThread("live-publisher");

    public LivePublisher(Tx tx, LiveEventDao dao, AuthService auth, LedgerService ledger, SessionRegistry sessions, Clock clock) {
        this.tx = tx;
        this.dao = dao;
        this.auth = auth;
        this.ledger = ledger;
        this.sessions = sessions;
        this.clock = clock;
        thread.scheduleWithFixedDelay(this::pruneQuietly, 10, 10, TimeUnit.MINUTES);
        thread.scheduleWithFixedDelay(this::sweep, 30, 30, TimeUnit.SECONDS);
    }

    /**
     * The heartbeat: pings every socket (dead ones then fail and are dropped; idle ones time out) and
     * closes with 4401 the sockets whose session expired or was revoked or whose user was disabled
     * (revocations also close them at once through {@link com.arbdesk.auth.SessionsEnded}; this is the backstop).
     */
    void sweep() {
        try {
            java.time.Instant now = clock.instant();
            for (Outbox o : sessions.all()) {
                boolean enabled = o.sessionId != null ? auth.isSessionOpen(o.sessionId)
                        : auth.findById(o.userId).map(u -> !u.disabled()).orElse(false);
                if (!enabled || o.expiresAt != null && now.isAfter(o.expiresAt)) {
                    o.close(LiveSocket.SESSION_ENDED, enabled ? "session expired" : "session ended");
                } else {
                    o.ping();
                }
            }
        } catch (RuntimeException e) {
            // a background loop: log and carry on at the next sweep
            LOG.log(Level.WARNING, "websocket sweep failed", e);
        }
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // a background loop: log and try again later
            LOG.log(Level.WARNING, "pruning live events failed", e);
        }
    }

    @Override
    public void accept(Object event) {
        if (event instanceof DepositChanged || event instanceof BalanceChanged) {
            thread.execute(() -> handle(event));
        } else if (event instanceof com.arbdesk.arbitrage.ArbitrageUpdated a) {
            // market data is not kept for catch-up: a reconnecting page simply re-reads the table
            thread.execute(() -> sessions.broadcast(envelope("arbitrage_update", 0, "{\"updated_at\":\"" + a.updatedAt()
                    + "\",\"count\":" + a.count() + ",\"source\":\"" + a.source() + "\"}")));
        } else if (event instanceof com.arbdesk.auth.UserDisabled d) {
            thread.execute(() -> sessions.closeUser(d.userId(), "account disabled"));
        } else if (event instanceof com.arbdesk.auth.SessionsEnded ended) {
            thread.execute(() -> sessions.closeSessions(ended));
        }
    }

    private void handle(Object event) {
        try {
            if (event instanceof DepositChanged e) {
                Deposit d = e.deposit();
                Money balance = e.newBalance() != null ? e.newBalance() : ledger.balance(d.userId());
                ObjectNode data = JSON.createObjectNode().put("transaction_id", d.id()).put("new_status", d.status().wire())
                        .put("new_balance", balance.toPlainString()).put("amount_usd", d.amountUsd().toPlainString())
                        .put("credited_usd", d.credited().toPlainString()).put("credited_now", e.creditedNow().toPlainString())
                        .put("currency", d.currency()).put("network", d.network()).put("created", e.created())
                        .put("updated_at", d.updatedAt().toString());
                emit(d.userId(), "deposit_updated", data);
                ObjectNode admin = JSON.createObjectNode();
                admin.putObject("user").put("user_id", d.userId()).put("email", EmailMask.mask(d.userEmail()));
                admin.putObject("transaction").put("transaction_id", d.id()).put("amount_usd", d.amountUsd().toPlainString())
                        .put("credited_usd", d.credited().toPlainString()).put("currency", d.currency()).put("network", d.network())
                        .put("status", d.status().wire()).put("flags", String.join(",", d.flags()))
                        .put("timestamp", d.updatedAt().toString()).put("created", e.created());
                for (long adminId : auth.adminIds()) {
                    emit(adminId, "admin_deposits_stream", admin);
                }
            } else if (event instanceof BalanceChanged e) {
                emit(e.userId(), "balance_updated", JSON.createObjectNode().put("new_balance", e.newBalance().toPlainString())
                        .put("change", e.change().toPlainString()).put("transaction_id", e.transactionId()).put("reason", e.reason()));
            }
        } catch (RuntimeException e) {
            // a background loop: one failed event must not stop the ones after it
            LOG.log(Level.SEVERE, "could not publish " + event.getClass().getSimpleName(), e);
        }
    }

    private void emit(long userId, String event, ObjectNode data) {
        String dataJson = write(data);
        long seq = tx.inTransaction(c -> dao.append(c, userId, event, dataJson, clock.instant()));
        sessions.sendToUser(userId, envelope(event, seq, dataJson));
    }

    public static String envelope(String event, long seq, String dataJson) {
        return "{\"event\":\"" + event + "\",\"seq\":" + seq + ",\"data\":" + dataJson + "}";
    }


    public int prune() {
        return tx.inTransaction(c -> dao.pruneBefore(c, clock.instant().minus(KEEP)));
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
