package com.arbdesk.deposit;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.nowpayments.EstimateUpdate;
import com.arbdesk.nowpayments.Payment;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies what the provider says about a payment to our deposit: the one code path for IPNs,
 * status refreshes, the reconciler, replays and approvals. It re-reads the deposit inside a BEGIN
 * IMMEDIATE transaction, moves the status only forward, and writes only the credit still missing, so
 * duplicates, replays and races change nothing they should not. The reconciler's schedule for the
 * deposit is written here too, from the state re-read under the same lock.
 */
public final class DepositUpdater {
    private final Tx tx;
    private final DepositDao deposits;
    private final DepositWatchDao watch;
    private final ReconcileSchedule schedule;
    private final IpnEventDao ipns;
    private final LedgerService ledger;
    private final EventBus events;
    private final boolean trustFinishedWithoutAmount;
    private final Clock clock;

    /** @param trustFinishedWithoutAmount true only against the built-in sandbox, whose "finished" may report 0 received */
    public DepositUpdater(Tx tx, DepositDao deposits, DepositWatchDao watch, ReconcileSchedule schedule, IpnEventDao ipns,
                          LedgerService ledger, EventBus events, boolean trustFinishedWithoutAmount, Clock clock) {
        this.tx = tx;
        this.deposits = deposits;
        this.watch = watch;
        this.schedule = schedule;
        this.ipns = ipns;
        this.ledger = ledger;
        this.events = events;
        this.trustFinishedWithoutAmount = trustFinishedWithoutAmount;
        this.clock = clock;
    }

    /** What applying an update did; {@code verdict} is also written on the IPN's log row. */
    public record Outcome(IpnVerdict verdict, String detail, Long depositId) {
        public boolean applied() {
            return verdict == IpnVerdict.APPLIED;
        }
    }

    public Outcome apply(Payment p, UpdateSource source, Long ipnEventId) {
        return apply(p, source, ipnEventId, null);
    }

    /** @param fiatEstimate the provider's current USD estimate for what arrived (see {@link FiatValuation}); may be null */
    public Outcome apply(Payment p, UpdateSource source, Long ipnEventId, BigDecimal fiatEstimate) {
        return tx.inTransaction(c -> {
            Outcome o = applyLocked(c, p, source, ipnEventId, fiatEstimate, lookup(c, p));
            if (ipnEventId != null) {
                ipns.setVerdict(c, ipnEventId, o.verdict(), o.detail(), o.depositId());
            }
            return o;
        });
    }

    /**
     * A verified IPN: its raw log row, the update, the ledger and the live events in one write transaction, so
     * a genuine IPN takes the single writer once and its row exists exactly when its effects committed.
     */
    public Outcome applyIpn(IpnEventDao.Received raw, Payment p, BigDecimal fiatEstimate) {
        return tx.inTransaction(c -> applyIpnLocked(c, raw, p, fiatEstimate, lookup(c, p)));
    }

    /**
     * {@link #applyIpn} without an estimate, unless the deposit as read under the lock will be valued by a provider
     * figure the IPN lacks ({@link FiatValuation#wanted}): then nothing is written and the result is empty, and the
     * caller fetches the estimate outside the lock and calls {@link #applyIpn}. Why: the common IPN reads its deposit
     * once, in its one write transaction, instead of first in a read transaction of its own.
     */
    public Optional<Outcome> applyIpnUnlessEstimateWanted(IpnEventDao.Received raw, Payment p, FiatValuation valuation) {
        return tx.inTransaction(c -> {
            Optional<Deposit> found = lookup(c, p);
            if (valuation.wanted(p, found)) {
                return Optional.<Outcome>empty();
            }
            return Optional.of(applyIpnLocked(c, raw, p, null, found));
        });
    }

    private Outcome applyIpnLocked(Connection c, IpnEventDao.Received raw, Payment p, BigDecimal fiatEstimate,
                                   Optional<Deposit> found) throws SQLException {
        long eventId = ipns.insert(c, raw, IpnVerdict.RECEIVED, null);
        Outcome o = applyLocked(c, p, UpdateSource.IPN, eventId, fiatEstimate, found);
        ipns.setVerdict(c, eventId, o.verdict(), o.detail(), o.depositId());
        return o;
    }

    /**
     * The reconciler checked the deposit: its next check is written from the state re-read under the
     * lock, whatever the answer was (a change already rescheduled it; only the check time is added).
     */
    public void checked(long depositId, ReconcileSchedule.Event event) {
        tx.inTransaction(c -> {
            Optional<Deposit> d = deposits.findForUpdate(c, depositId);
            if (d.isPresent()) {
                Instant now = clock.instant();
                Deposit.Watch w = d.get().watch();
                ReconcileSchedule.Plan plan = event == ReconcileSchedule.Event.CHANGED
                        ? new ReconcileSchedule.Plan(w.nextCheckAt(), w.step(), w.watchUntil(), w.unwatchedAt())
                        : schedule.plan(d.get(), event, now);
                watch.write(c, depositId, plan, now);
            }
            return null;
        });
    }

    /** A new deposit exists at the provider: its first check is scheduled, in the caller's transaction. */
    void scheduleNew(Connection c, long depositId) throws SQLException {
        Deposit d = deposits.findById(c, depositId).orElseThrow();
        watch.write(c, depositId, schedule.plan(d, ReconcileSchedule.Event.CREATED, clock.instant()), null);
    }

    /** An admin asks to watch a deposit again after its window ended: checked at once, then one more grace period. */
    public void rearm(long depositId) {
        tx.inTransaction(c -> {
            Deposit d = deposits.findForUpdate(c, depositId).orElseThrow(() -> Failure.notFound("Deposit " + depositId));
            watch.write(c, depositId, schedule.plan(d, ReconcileSchedule.Event.REARMED, clock.instant()), null);
            deposits.insertEvent(c, depositId, clock.instant(), d.status(), d.status(), d.providerStatus(),
                    UpdateSource.ADMIN, 0, "watched again", null);
            return null;
        });
    }

    /**
     * A fresh quote for a deposit still waiting for its coins: its amount to send and the quote's
     * expiry move, on its timeline; a deposit that moved on meanwhile keeps the quote it was paid by.
     */
    public void requote(long depositId, EstimateUpdate q) {
        tx.inTransaction(c -> {
            Deposit d = deposits.findForUpdate(c, depositId).orElseThrow(() -> Failure.notFound("Deposit " + depositId));
            if (d.status() != DepositStatus.PENDING || !q.expirationEstimateDate().isAfter(clock.instant())) {
                return null;
            }
            Instant now = clock.instant();
            deposits.updateQuote(c, depositId, q.payAmount().toPlainString(), q.expirationEstimateDate(), now);
            deposits.insertEvent(c, depositId, now, d.status(), d.status(), d.providerStatus(),
                    UpdateSource.REFRESH, 0, "quote refreshed: " + d.payAmount() + " -> " + q.payAmount().toPlainString()
                            + " " + d.currency() + " until " + q.expirationEstimateDate(), null);
            Deposit after = deposits.findById(c, depositId).orElseThrow();
            events.publish(new DepositChanged(after, null, Money.zero(Asset.USD), false));
            return null;
        });
    }

    /**
     * The deposit a payment is about, read in the write transaction: by payment id, else (not a re-deposit) by invoice,
     * else by order. Empty for a re-deposit of another payment, which {@link #applyLocked} links as a new deposit.
     */
    private Optional<Deposit> lookup(Connection c, Payment p) throws SQLException {
        Optional<Deposit> found = deposits.findByPaymentId(c, p.paymentId());
        if (found.isEmpty() && p.parentPaymentId() != null) {
            return found;
        }
        if (found.isEmpty() && p.invoiceId() != null) {
            found = deposits.findByInvoiceId(c, p.invoiceId());
        }
        if (found.isEmpty() && p.orderId() != null) {
            found = deposits.findByOrderId(c, p.orderId());
        }
        return found;
    }

    private Outcome applyLocked(Connection c, Payment p, UpdateSource source, Long ipnEventId, BigDecimal fiatEstimate,
                                Optional<Deposit> found) throws SQLException {
        if (found.isEmpty() && p.parentPaymentId() != null) {
            return redeposit(c, p, source, ipnEventId, fiatEstimate);
        }
        if (found.isEmpty()) {
            return new Outcome(IpnVerdict.UNKNOWN_PAYMENT, "no deposit has payment " + p.paymentId(), null);
        }
        // the row as its lock decides it (on PostgreSQL re-read FOR UPDATE: another instance may have moved it)
        Deposit d = deposits.locked(c, found.get());
        DepositFlag mismatch = mismatch(d, p);
        if (mismatch != null) {
            Set<DepositFlag> flags = EnumSet.of(mismatch);
            flags.addAll(d.flags());
            save(c, d, d.status(), p, d.credited(), flags, null, source, ipnEventId, "not applied: " + mismatch.wire());
            return new Outcome(IpnVerdict.FLAGGED, mismatch.wire() + " (not credited)", d.id());
        }
        DepositStatus mapped = DepositStatus.fromProvider(p.parsedStatus());
        if (mapped == null) {
            return new Outcome(IpnVerdict.IGNORED, "unknown provider status " + p.status(), d.id());
        }
        CreditDecision.Decision decision = CreditDecision.decide(d, mapped, p, fiatEstimate, trustFinishedWithoutAmount,
                clock.instant());
        DepositStatus next = decision.status();
        if (next != d.status() && !d.status().canMoveTo(next)) {
            deposits.insertEvent(c, d.id(), clock.instant(), d.status(), d.status(), p.status(), source, 0,
                    "ignored: " + d.status().wire() + " does not move to " + next.wire(), ipnEventId);
            return new Outcome(IpnVerdict.IGNORED, "out of order: " + d.status().wire() + " does not move to " + next.wire(), d.id());
        }
        boolean news = p.payinHash() != null && !p.payinHash().equals(d.payinHash());
        if (next == d.status() && decision.credited().equals(d.credited()) && decision.flags().equals(d.flags())
                && d.paymentId() != null && !news) {
            return new Outcome(IpnVerdict.DUPLICATE, "already " + next.wire(), d.id());
        }
        save(c, d, next, p, decision.credited(), decision.flags(), decision.fiat(), source, ipnEventId, decision.note());
        return new Outcome(IpnVerdict.APPLIED, d.status().wire() + " -> " + next.wire() + ", credited " + decision.credited().toPlainString(),
                d.id());
    }

    /** Writes the new state, the missing credit and the timeline step; publishes after commit. */
    private void save(Connection c, Deposit d, DepositStatus next, Payment p, Money credited, Set<DepositFlag> flags, BigDecimal fiat,
                      UpdateSource source, Long ipnEventId, String note) throws SQLException {
        Instant now = clock.instant();
        Money delta = credited.minus(d.credited());
        Money balance = null;
        if (delta.signum() > 0) {
            balance = ledger.credit(d.userId(), delta, "deposit_credit", "deposit",
                    "txn:" + d.id() + ":to:" + credited.toMinor(), d.id(), "NOWPayments payment " + p.paymentId());
        }
        String paid = p.actuallyPaid() == null ? d.actuallyPaid() : p.actuallyPaid().toPlainString();
        Deposit after = deposits.updateState(c, d, new DepositDao.State(next, p.status(), p.paymentId(), p.payAddress(), p.payinExtraId(),
                p.payinHash(), p.payAmount() == null ? null : p.payAmount().toPlainString(), paid,
                fiat == null ? null : fiat.toPlainString(),
                credited.toMinor(), flags, d.failureReason()), now);
        deposits.insertEvent(c, d.id(), now, d.status(), next, p.status(), source, delta.toMinor(), note,
                ipnEventId);
        if (next != d.status() || d.paymentId() == null || !flags.equals(d.flags())) {
            // a move (or a payment now attached, or a new flag) changes the watch: a payment in progress is checked soon
            watch.write(c, d.id(), schedule.plan(after, ReconcileSchedule.Event.CHANGED, now), null);
        }
        Money creditedNow = delta.signum() > 0 ? delta : Money.zero(Asset.USD);
        Money newBalance = balance;
        events.publish(new DepositChanged(after, newBalance, creditedNow, false));
    }

    /** Checks the update is about this deposit: the same coin, order and price; otherwise it is flagged, never credited. */
    private static DepositFlag mismatch(Deposit d, Payment p) {
        if (d.paymentId() != null && !d.paymentId().equals(p.paymentId())) {
            return DepositFlag.EXTRA_PAYMENT;
        }
        if (p.payCurrency() != null && d.payCurrency() != null && d.is(DepositMode.PAYMENT)
                && !p.payCurrency().equalsIgnoreCase(d.payCurrency())) {
            return DepositFlag.CURRENCY_MISMATCH;
        }
        if (p.orderId() != null && d.orderId() != null && !p.orderId().equals(d.orderId())) {
            return DepositFlag.ORDER_MISMATCH;
        }
        if (p.priceAmount() != null && "usd".equalsIgnoreCase(p.priceCurrency())
                && p.priceAmount().compareTo(d.amountUsd().amount()) != 0) {
            return DepositFlag.AMOUNT_MISMATCH;
        }
        return null;
    }

    /**
     * An admin accepts a deposit held for review, once, with the approval on its timeline. A re-deposit
     * is credited at the provider's fiat figure (stored, else {@code fiatEstimate}); a "finished" that
     * reported nothing received, at the price (the admin has seen the money arrive); anything else by
     * the quote, as any deposit.
     */
    public Outcome approve(long depositId, long adminId, BigDecimal fiatEstimate) {
        return tx.inTransaction(c -> {
            Deposit d = deposits.findForUpdate(c, depositId).orElseThrow(() -> Failure.notFound("Deposit " + depositId));
            if (!d.has(DepositFlag.NEEDS_REVIEW)) {
                throw new Failure(FailureCode.CONFLICT, "This deposit is not waiting for review");
            }
            if (d.status() != DepositStatus.COMPLETED && d.status() != DepositStatus.PARTIALLY_PAID) {
                throw new Failure(FailureCode.CONFLICT,
                        "Only a completed or partially paid deposit can be approved; this one is " + d.status().wire());
            }
            BigDecimal paid = d.actuallyPaid() == null ? null : new BigDecimal(d.actuallyPaid());
            BigDecimal fiat = d.actuallyPaidFiat() != null ? new BigDecimal(d.actuallyPaidFiat()) : fiatEstimate;
            Money target;
            if (d.isRedeposit() || CreditDecision.byProviderFigure(d, d.flags())) {
                if (fiat == null) {
                    throw new Failure(FailureCode.PROVIDER_UNAVAILABLE,
                            "The provider's value of this payment is not known yet; try again in a minute");
                }
                target = Money.floor(Asset.USD, fiat);
            } else {
                BigDecimal quoted = d.payAmount() == null ? paid : new BigDecimal(d.payAmount());
                target = CreditPolicy.target(d.status(), d.amountUsd(), quoted, paid);
            }
            Set<DepositFlag> flags = EnumSet.of(DepositFlag.APPROVED);
            flags.addAll(d.flags());
            flags.remove(DepositFlag.NEEDS_REVIEW);
            flags.remove(DepositFlag.VALUATION_PENDING);
            Money credited = target.compareTo(d.credited()) > 0 ? target : d.credited();
            save(c, d, d.status(), snapshot(d), credited, flags, fiat, UpdateSource.ADMIN, null, "approved by admin #" + adminId);
            return new Outcome(IpnVerdict.APPLIED, "approved, credited " + credited.toPlainString(), d.id());
        });
    }

    /** The deposit as a payment answer, for writing an admin's decision through the same save. */
    private static Payment snapshot(Deposit d) {
        return new Payment(d.paymentId(), d.providerStatus(), d.payAddress(), null, d.amountUsd().amount(), "usd",
                d.payAmount() == null ? null : new BigDecimal(d.payAmount()), d.payCurrency(),
                d.actuallyPaid() == null ? null : new BigDecimal(d.actuallyPaid()), null, null, null, d.orderId(), null, null,
                d.invoiceId(), null, null, null, null, null, null, null, null, null);
    }

    /** A further payment to a used address: a linked deposit for the admin to review, never credited automatically. */
    private Outcome redeposit(Connection c, Payment p, UpdateSource source, Long ipnEventId, BigDecimal fiatEstimate)
            throws SQLException {
        Optional<Deposit> parent = deposits.findByPaymentId(c, p.parentPaymentId());
        if (parent.isEmpty()) {
            return new Outcome(IpnVerdict.UNKNOWN_PAYMENT, "re-deposit of unknown payment " + p.parentPaymentId(), null);
        }
        Deposit par = parent.get();
        Money price = p.priceAmount() != null && "usd".equalsIgnoreCase(p.priceCurrency())
                ? Money.floor(Asset.USD, p.priceAmount()) : Money.zero(Asset.USD);
        DepositCurrency option = DepositCurrency.byTicker(par.payCurrency()).orElseThrow();
        Instant now = clock.instant();
        long id = deposits.insertPending(c, par.userId(), DepositMode.REDEPOSIT, price, option, par.id(), now);
        deposits.attachProvider(c, id, new DepositDao.ProviderAnswer(p.paymentId(), p.invoiceId(), null, p.payAddress(),
                p.payinExtraId(), p.payAmount() == null ? null : p.payAmount().toPlainString(), null, p.validUntil(), p.status(),
                p.rawJson()), now);
        Deposit child = deposits.findById(c, id).orElseThrow();
        DepositStatus status = Optional.ofNullable(DepositStatus.fromProvider(p.parsedStatus())).orElse(DepositStatus.PENDING);
        BigDecimal fiat = p.actuallyPaidAtFiat() != null && p.actuallyPaidAtFiat().signum() > 0 ? p.actuallyPaidAtFiat() : fiatEstimate;
        save(c, child, status, p, Money.zero(Asset.USD),
                EnumSet.of(DepositFlag.REDEPOSIT, DepositFlag.NEEDS_REVIEW), fiat, source,
                ipnEventId, "re-deposit of payment " + p.parentPaymentId() + ": needs review, not credited");
        return new Outcome(IpnVerdict.FLAGGED, "re-deposit linked to deposit " + par.id() + ", needs review", id);
    }
}
