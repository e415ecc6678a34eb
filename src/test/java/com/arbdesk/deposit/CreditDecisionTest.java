package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.Money;
import com.arbdesk.nowpayments.Payment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which figure each provider answer credits (the README's crediting policy), decided without a database. */
class CreditDecisionTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ON_TIME = T0.plus(Duration.ofMinutes(5));

    /** A $100 BTC deposit quoted at 0.00153847 BTC, its quote lapsing at T0 + 20 minutes. */
    private static Deposit deposit(DepositStatus status, Long parent, String credited, Set<String> flags) {
        return new Deposit(7, 1, "u@example.com", parent == null ? DepositMode.PAYMENT : DepositMode.REDEPOSIT, Money.usd("100.00"),
                status, "BTC",
                "BTC", "btc", "0.00153847", null, null, Money.usd(credited), "5000000007", "deposit_1_7", null, null, "bc1q", null, null,
                T0.plus(Duration.ofMinutes(20)), T0.plus(Duration.ofDays(7)), null,
                flags.stream().map(w -> DepositFlag.parse(w).orElseThrow()).collect(Collectors.toSet()), null, parent, T0, T0,
                Deposit.Watch.NONE);
    }

    private static Deposit deposit(DepositStatus status) {
        return deposit(status, null, "0", Set.of());
    }

    private static Payment payment(String status, String paid, String paidAtFiat, Instant updatedAt) {
        return new Payment("5000000007", status, "bc1q", null, new BigDecimal("100"), "usd", new BigDecimal("0.00153847"), "btc",
                paid == null ? null : new BigDecimal(paid), paidAtFiat == null ? null : new BigDecimal(paidAtFiat), null, null,
                "deposit_1_7", null, null, null, null, null, T0, updatedAt, null, null, List.of(), null, "{}");
    }

    /** The decision's flags in their wire form, so the assertions name the words stored and sent. */
    private static Set<String> wires(CreditDecision.Decision d) {
        return d.flags().stream().map(DepositFlag::wire).collect(Collectors.toSet());
    }

    private static CreditDecision.Decision decide(Deposit d, Payment p, String estimate, boolean sandbox) {
        DepositStatus next = DepositStatus.fromProvider(p.parsedStatus());
        return CreditDecision.decide(d, next, p, estimate == null ? null : new BigDecimal(estimate), sandbox, ON_TIME);
    }

    @Test
    void onTimeTheDepositsOwnQuoteDecides() {
        CreditDecision.Decision d = decide(deposit(DepositStatus.CONFIRMING), payment("finished", "0.00153846", "93.10", ON_TIME),
                "92.00", false);
        assertEquals(Money.usd("99.99"), d.credited(), "price × paid / quoted, rounded down; the fiat figures are not used");
        assertFalse(wires(d).contains("late_payment"));
    }

    @Test
    void aLatePaymentIsWorthTheProvidersFiatFigureNotAnOldQuote() {
        CreditDecision.Decision reported = decide(deposit(DepositStatus.EXPIRED), payment("finished", "0.00153847", "93.40",
                ON_TIME.plus(Duration.ofDays(2))), "91.00", false);
        assertEquals(Money.usd("93.40"), reported.credited(), "actually_paid_at_fiat when positive");
        assertTrue(wires(reported).contains("late_payment"));
        CreditDecision.Decision estimated = decide(deposit(DepositStatus.EXPIRED), payment("finished", "0.00153847", "0",
                ON_TIME.plus(Duration.ofDays(2))), "91.005", false);
        assertEquals(Money.usd("91.00"), estimated.credited(), "else the current estimate for the amount received, rounded down");
        assertEquals(new BigDecimal("91.005"), estimated.fiat(), "the figure is kept");
        CreditDecision.Decision unknown = decide(deposit(DepositStatus.EXPIRED), payment("finished", "0.00153847", null,
                ON_TIME.plus(Duration.ofDays(2))), null, false);
        assertEquals(Money.usd("0"), unknown.credited(), "no figure: nothing credited on an old quote");
        assertTrue(wires(unknown).contains("valuation_pending"));
    }

    @Test
    void paidAfterTheQuoteLapsedIsLateEvenBeforeThePaymentExpired() {
        CreditDecision.Decision d = decide(deposit(DepositStatus.PENDING), payment("finished", "0.00153847", "97.00",
                T0.plus(Duration.ofHours(3))), null, false);
        assertTrue(wires(d).contains("late_payment"));
        assertEquals(Money.usd("97.00"), d.credited());
    }

    @Test
    void finishedAfterFailedIsCreditedAtTheFiatFigureAndFlagged() {
        CreditDecision.Decision d = decide(deposit(DepositStatus.FAILED), payment("finished", "0.00153847", "98.76", ON_TIME),
                null, false);
        assertEquals(DepositStatus.COMPLETED, d.status());
        assertEquals(Money.usd("98.76"), d.credited());
        assertTrue(wires(d).contains("paid_after_failure"));
    }

    @Test
    void finishedWithNothingReceivedIsHeldForReviewExceptAgainstTheBuiltInSandbox() {
        CreditDecision.Decision prod = decide(deposit(DepositStatus.PENDING), payment("finished", "0", "0", ON_TIME), null, false);
        assertEquals(DepositStatus.COMPLETED, prod.status());
        assertEquals(Money.usd("0"), prod.credited(), "not the full price blindly");
        assertTrue(wires(prod).containsAll(Set.of("nothing_reported", "needs_review")), prod.flags().toString());
        CreditDecision.Decision sandbox = decide(deposit(DepositStatus.PENDING), payment("finished", null, null, ON_TIME), null, true);
        assertEquals(Money.usd("100.00"), sandbox.credited(), "the sandbox's own quirk keeps its behaviour");
    }

    @Test
    void cancelledAfterAPartialCreditKeepsItVisibleAsRefundDue() {
        Deposit partial = deposit(DepositStatus.PARTIALLY_PAID, null, "49.99", Set.of());
        CreditDecision.Decision d = decide(partial, payment("cancelled", "0.00076923", null, ON_TIME), null, false);
        assertEquals(DepositStatus.PARTIALLY_PAID, d.status(), "the credit is not silently kept under another status");
        assertEquals(Money.usd("49.99"), d.credited(), "nothing is taken back automatically");
        assertTrue(wires(d).contains("refund_due"));
        CreditDecision.Decision early = decide(deposit(DepositStatus.PENDING), payment("cancelled", "0", null, ON_TIME), null, false);
        assertEquals(DepositStatus.FAILED, early.status(), "cancelled before anything arrived is a failure, as before");
    }

    @Test
    void aReDepositIsNeverCreditedAutomaticallyButKeepsItsFiatFigure() {
        Deposit child = deposit(DepositStatus.PENDING, 3L, "0", Set.of("redeposit", "needs_review"));
        CreditDecision.Decision d = decide(child, payment("finished", "0.00153847", "94.20", ON_TIME), null, false);
        assertEquals(Money.usd("0"), d.credited());
        assertEquals(new BigDecimal("94.20"), d.fiat());
    }
}
