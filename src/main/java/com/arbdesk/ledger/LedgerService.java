package com.arbdesk.ledger;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Balances and the append-only ledger: every balance change is an entry written in the caller's transaction. */
public final class LedgerService {
    public static final String ADJUSTMENT = "adjustment";

    private final Tx tx;
    private final LedgerDao ledger;
    private final TransactionDao transactions;
    private final EventBus events;
    private final Clock clock;

    public LedgerService(Tx tx, LedgerDao ledger, TransactionDao transactions, EventBus events, Clock clock) {
        this.tx = tx;
        this.ledger = ledger;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** A page of a user's transactions with the total count. */
    public record TransactionPage(List<TransactionRecord> items, long total, int limit, int offset) {
    }

    public Money balance(long userId) {
        return tx.read(c -> ledger.balance(c, userId, Asset.USD));
    }

    public java.util.Map<Long, Money> balances(List<Long> userIds) {
        return tx.read(c -> ledger.balances(c, userIds, Asset.USD));
    }

    public TransactionPage transactions(long userId, int limit, int offset) {
        return tx.read(c -> page(c, userId, limit, offset));
    }

    /** A user's balance and latest transactions, read in one snapshot (the dashboard: they agree with each other). */
    public record Summary(Money balance, TransactionPage recent) {
    }

    public Summary summary(long userId, int limit) {
        return tx.read(c -> new Summary(ledger.balance(c, userId, Asset.USD), page(c, userId, limit, 0)));
    }

    private TransactionPage page(Connection c, long userId, int limit, int offset) throws SQLException {
        int lim = Math.max(1, Math.min(limit, 100));
        int off = Math.max(0, offset);
        return new TransactionPage(transactions.forUser(c, userId, lim, off), transactions.countForUser(c, userId), lim, off);
    }

    public List<TransactionRecord> recentTransactions(String type, int limit, int offset) {
        return tx.read(c -> transactions.recent(c, type, Math.max(1, Math.min(limit, 200)), Math.max(0, offset)));
    }

    public List<LedgerEntry> entriesOf(long transactionId) {
        return tx.read(c -> ledger.forTransaction(c, transactionId));
    }

    public List<LedgerEntry> entries(long userId, int limit) {
        return tx.read(c -> ledger.forUser(c, userId, limit));
    }

    /**
     * Credits a user in the caller's transaction. The (source, sourceRef, entryType) key is unique in
     * the schema, so the same credit can never be written twice, whatever races happen.
     */
    public Money credit(long userId, Money amount, String entryType, String source, String sourceRef, long transactionId,
                        String reason) {
        if (amount.asset() != Asset.USD || amount.signum() <= 0) {
            throw new IllegalArgumentException("a credit is a positive USD amount, not " + amount);
        }
        return tx.inTransaction(c -> {
            ledger.insert(c, new LedgerDao.NewEntry(userId, amount, entryType, source, sourceRef, transactionId, null, reason),
                    clock.instant());
            return ledger.balance(c, userId, Asset.USD);
        });
    }

    /** The result of an adjustment: the transaction row it created and the balance after it. */
    public record Adjustment(long transactionId, Money amount, Money newBalance) {
    }

    /**
     * Writes an admin adjustment as a completed transaction plus its ledger entry, in the caller's
     * transaction (or a new one). Refuses a change that would make the balance negative.
     */
    public Adjustment adjust(long actorId, long userId, Money amount, String reason) {
        if (amount.asset() != Asset.USD || amount.signum() == 0) {
            throw Failure.invalid("amount_usd", "Enter a non-zero USD amount");
        }
        return tx.inTransaction(c -> {
            Money before = ledger.balanceForUpdate(c, userId, Asset.USD);
            Money after = before.plus(amount);
            if (after.isNegative()) {
                throw new Failure(FailureCode.INSUFFICIENT_FUNDS, "This adjustment would make the balance negative ("
                        + after.display() + "); the current balance is " + before.display(), "amount_usd", null);
            }
            Instant now = clock.instant();
            long txId = transactions.insert(c, userId, ADJUSTMENT, amount, "completed", "adj-" + now.toEpochMilli(),
                    reason, actorId, now);
            ledger.insert(c, new LedgerDao.NewEntry(userId, amount, ADJUSTMENT, ADJUSTMENT, "txn:" + txId, txId,
                    actorId, reason), now);
            events.publish(new BalanceChanged(userId, after, amount, txId, reason));
            return new Adjustment(txId, amount, after);
        });
    }
}
