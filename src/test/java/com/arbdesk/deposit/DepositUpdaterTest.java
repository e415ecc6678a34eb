package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.Money;
import com.arbdesk.core.db.DataAccessException;
import com.arbdesk.nowpayments.Payment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real DepositUpdater over a temporary SQLite file, no server: exactly-once credit, forward-only
 * status, the README's flags, all-or-nothing transactions, and a balance that is the sum of its ledger.
 */
class DepositUpdaterTest {
    /** A $100 deposit quoted at 0.00153847 BTC. */
    private static final String PRICE = "100.00";
    private static final String QUOTE = "0.00153847";
    private static final Instant ON_TIME = DepositDb.T0.plus(Duration.ofMinutes(5));

    @TempDir
    Path dir;
    private DepositDb db;
    private long user;
    private Deposit deposit;

    @BeforeEach
    void open() {
        db = new DepositDb(dir);
        user = db.user("payer@example.com");
        deposit = db.pending(user, PRICE, QUOTE, "5000000001");
    }

    @AfterEach
    void booksBalance() {
        // whatever a test did: every deposit's credit is the sum of its entries, and the balance is the sum of the ledger
        assertEquals(0, db.count("""
                SELECT COUNT(*) FROM transactions t WHERE t.type = 'deposit' AND t.credited_minor
                    <> (SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e WHERE e.transaction_id = t.id)
                """), "a deposit whose credited amount is not the sum of its ledger entries");
        assertEquals(db.ledgerSumMinor(user), db.ledger.balance(user).toMinor(), "balance = sum of ledger entries");
        db.close();
    }

    private DepositUpdater.Outcome apply(String status, String paid, Instant at) {
        return db.updater.apply(DepositDb.payment(deposit, status, paid, at), UpdateSource.RECONCILE, null);
    }

    @Test
    void aPaidUpdateCreditsTheLedgerExactlyOnce() {
        Payment finished = DepositDb.payment(deposit, "finished", QUOTE, ON_TIME);
        long ipn = db.storedIpn(finished);
        DepositUpdater.Outcome first = db.updater.apply(finished, UpdateSource.IPN, ipn);
        assertEquals(IpnVerdict.APPLIED, first.verdict(), first.detail());
        assertEquals(DepositStatus.COMPLETED, db.reload(deposit).status());
        assertEquals(Money.usd(PRICE), db.reload(deposit).credited());
        assertEquals(1, db.entries(deposit));
        assertEquals(10_000, db.ledgerSumMinor(user));
        long timeline = db.count("SELECT COUNT(*) FROM deposit_events WHERE transaction_id = ?", deposit.id());

        DepositUpdater.Outcome repeated = db.updater.apply(finished, UpdateSource.RECONCILE, null);
        DepositUpdater.Outcome replayed = db.updater.apply(finished, UpdateSource.IPN, ipn); // what IpnIntake.replay does
        assertEquals(IpnVerdict.DUPLICATE, repeated.verdict(), repeated.detail());
        assertEquals(IpnVerdict.DUPLICATE, replayed.verdict(), replayed.detail());
        assertEquals(1, db.entries(deposit), "no second credit");
        assertEquals(10_000, db.ledgerSumMinor(user));
        assertEquals(Money.usd(PRICE), db.reload(deposit).credited());
        assertEquals(timeline, db.count("SELECT COUNT(*) FROM deposit_events WHERE transaction_id = ?", deposit.id()),
                "a duplicate writes no timeline step");
        assertEquals(1, db.count("SELECT COUNT(*) FROM ipn_events WHERE id = ? AND verdict = ?", ipn, IpnVerdict.DUPLICATE.wire()),
                "the replayed IPN's row now says what its replay did");
    }

    @Test
    void aStatusNeverMovesBackwards() {
        apply("finished", QUOTE, ON_TIME);
        DepositUpdater.Outcome older = apply("confirming", QUOTE, ON_TIME.minus(Duration.ofMinutes(2)));
        assertEquals(IpnVerdict.IGNORED, older.verdict(), older.detail());
        Deposit after = db.reload(deposit);
        assertEquals(DepositStatus.COMPLETED, after.status());
        assertEquals(Money.usd(PRICE), after.credited());
        assertEquals(1, db.entries(deposit));
        assertEquals(1, db.count("SELECT COUNT(*) FROM deposit_events WHERE transaction_id = ? AND note LIKE 'ignored:%'",
                deposit.id()), "the late update is on the timeline, as ignored");
    }

    @Test
    void aPartialPaymentCreditsThePartThenTheRestOnFinish() {
        DepositUpdater.Outcome partial = apply("partially_paid", "0.00076923", ON_TIME);
        assertEquals(IpnVerdict.APPLIED, partial.verdict(), partial.detail());
        Deposit half = db.reload(deposit);
        assertEquals(DepositStatus.PARTIALLY_PAID, half.status());
        assertEquals(Money.usd("49.99"), half.credited(), "100 × 0.00076923 / 0.00153847 = 49.9996…, rounded down");
        assertEquals(Set.of(), half.flags(), "a partial payment is a status, not a flag");
        apply("finished", QUOTE, ON_TIME.plus(Duration.ofMinutes(1)));
        assertEquals(Money.usd(PRICE), db.reload(deposit).credited());
        assertEquals(2, db.entries(deposit), "the finish credits only the difference");
        assertEquals(10_000, db.ledgerSumMinor(user));
    }

    @Test
    void cancelledAfterAPartialCreditKeepsItFlaggedRefundDue() {
        apply("partially_paid", "0.00076923", ON_TIME);
        apply("cancelled", "0.00076923", ON_TIME.plus(Duration.ofMinutes(1)));
        Deposit after = db.reload(deposit);
        assertEquals(DepositStatus.PARTIALLY_PAID, after.status());
        assertEquals(Money.usd("49.99"), after.credited(), "nothing is taken back automatically");
        assertEquals(Set.of(DepositFlag.REFUND_DUE), after.flags());
        assertEquals(1, db.count("SELECT COUNT(*) FROM transactions WHERE id = ? AND flags = ?", deposit.id(), "refund_due"),
                "stored in its wire form");
    }

    @Test
    void moreThanQuotedIsCreditedAndFlaggedOverpaid() {
        apply("finished", "0.002", ON_TIME);
        Deposit after = db.reload(deposit);
        assertEquals(DepositStatus.COMPLETED, after.status());
        assertEquals(Money.usd("129.99"), after.credited(), "what arrived at the quoted rate: 129.9992…, rounded down");
        assertEquals(Set.of(DepositFlag.OVERPAID), after.flags());
        assertEquals(12_999, db.ledgerSumMinor(user));
    }

    @Test
    void anExceptionInsideTheUpdatersTransactionLeavesNoStatusChangeAndNoCredit() {
        // the timeline step names an IPN row that does not exist: its foreign key fails after the credit was written
        Payment finished = DepositDb.payment(deposit, "finished", QUOTE, ON_TIME);
        DataAccessException e = assertThrows(DataAccessException.class, () -> db.updater.apply(finished, UpdateSource.IPN, 424_242L));
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        assertNothingHappened();
    }

    @Test
    void anExceptionInTheCallersTransactionRollsBackTheAppliedUpdate() {
        Payment finished = DepositDb.payment(deposit, "finished", QUOTE, ON_TIME);
        assertThrows(IllegalStateException.class, () -> db.tx.inTransaction(c -> {
            assertEquals(IpnVerdict.APPLIED, db.updater.apply(finished, UpdateSource.RECONCILE, null).verdict());
            throw new IllegalStateException("boom after the credit");
        }));
        assertNothingHappened();
        assertEquals(IpnVerdict.APPLIED, db.updater.apply(finished, UpdateSource.RECONCILE, null).verdict(),
                "the same update applies afterwards, once");
        assertEquals(1, db.entries(deposit));
    }

    private void assertNothingHappened() {
        Deposit after = db.reload(deposit);
        assertEquals(DepositStatus.PENDING, after.status());
        assertEquals(Money.usd("0"), after.credited());
        assertEquals(0, db.entries(deposit));
        assertEquals(0, db.ledgerSumMinor(user));
        assertTrue(db.published.stream().noneMatch(e -> e instanceof DepositChanged), "no event leaves a rolled-back transaction");
    }
}
