package com.arbdesk.admin;

import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.User;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.ledger.LedgerEntry;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionRecord;
import com.arbdesk.core.Failure;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Back-office use cases: find users, see their money, adjust balances with an audit trail. */
public final class AdminService {
    public static final int MIN_REASON = 5;
    public static final int MAX_REASON = 500;

    private final Tx tx;
    private final AuthService auth;
    private final LedgerService ledger;
    private final AuditDao audit;
    private final Clock clock;
    private final com.arbdesk.core.events.EventBus events;

    public AdminService(Tx tx, AuthService auth, LedgerService ledger, AuditDao audit, com.arbdesk.core.events.EventBus events,
                        Clock clock) {
        this.events = events;
        this.tx = tx;
        this.auth = auth;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** A user with their balance, for lists. */
    public record UserSummary(User user, Money balance) {
    }

    /** Everything the user detail view shows. */
    public record UserDetail(User user, Money balance, List<TransactionRecord> transactions, List<LedgerEntry> entries,
                             List<AuditDao.AuditEntry> audit) {
    }

    public List<UserSummary> searchUsers(String query, int limit, int offset) {
        List<User> users = auth.search(query == null ? "" : query.trim(), Math.max(1, Math.min(limit, 200)),
                Math.max(0, offset));
        Map<Long, Money> balances = ledger.balances(users.stream().map(User::id).toList());
        return users.stream().map(u -> new UserSummary(u, balances.getOrDefault(u.id(), Money.usd("0")))).toList();
    }

    /** The user's page, read in one snapshot (the reads inside join it): the balance agrees with the rows shown. */
    public UserDetail userDetail(long userId) {
        User user = auth.findById(userId).orElseThrow(() -> Failure.notFound("User " + userId));
        return tx.read(c -> {
            LedgerService.Summary s = ledger.summary(userId, 50);
            return new UserDetail(user, s.balance(), s.recent().items(), ledger.entries(userId, 50),
                    audit.forTarget(c, "user", Long.toString(userId), 50));
        });
    }

    public List<TransactionRecord> transactions(String type, int limit, int offset) {
        return ledger.recentTransactions(type, limit, offset);
    }

    /** Adjusts a balance; the ledger entry and the audit row commit together or not at all. */
    public LedgerService.Adjustment adjust(long adminId, long userId, String amountText, String reason) {
        Money amount = parseAmount(amountText);
        String why = reason == null ? "" : reason.trim();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            throw Failure.invalid("reason", "Give a reason of " + MIN_REASON + " to " + MAX_REASON + " characters");
        }
        auth.findById(userId).orElseThrow(() -> Failure.notFound("User " + userId));
        return tx.inTransaction(c -> {
            LedgerService.Adjustment result = ledger.adjust(adminId, userId, amount, why);
            audit.insert(c, adminId, "balance_adjustment", "user", Long.toString(userId),
                    "amount_usd=" + amount.toPlainString() + "; transaction=" + result.transactionId() + "; reason=" + why,
                    clock.instant());
            return result;
        });
    }

    /** Disables or re-enables an account; audited, and a disabled user's sessions and sockets end. */
    public void setDisabled(long adminId, long userId, boolean disabled) {
        if (adminId == userId) {
            throw new Failure(com.arbdesk.core.FailureCode.CONFLICT, "You cannot disable your own account");
        }
        auth.findById(userId).orElseThrow(() -> Failure.notFound("User " + userId));
        tx.inTransaction(c -> {
            auth.setDisabled(userId, disabled);
            audit.insert(c, adminId, disabled ? "user_disabled" : "user_enabled", "user", Long.toString(userId), null,
                    clock.instant());
            if (disabled) {
                events.publish(new com.arbdesk.auth.UserDisabled(userId));
            }
            return null;
        });
    }

    private static Money parseAmount(String text) {
        try {
            Money m = Money.usd(text);
            if (m.signum() == 0) {
                throw new IllegalArgumentException("zero");
            }
            if (m.amount().abs().compareTo(new java.math.BigDecimal("1000000")) > 0) {
                throw Failure.invalid("amount_usd", "An adjustment is at most $1,000,000.00");
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("amount_usd",
                    "Enter a non-zero amount in dollars with at most 2 decimals, like 25.00 or -10.50");
        }
    }
}
