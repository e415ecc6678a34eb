package com.arbdesk.deposit;

import com.arbdesk.core.db.Tx;
import com.arbdesk.nowpayments.IpnCanonicalJson;
import com.arbdesk.nowpayments.IpnVerificationException;
import com.arbdesk.nowpayments.IpnVerifier;
import com.arbdesk.nowpayments.NowPaymentsException;
import com.arbdesk.nowpayments.Payment;
import com.arbdesk.nowpayments.PaymentAmounts;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Receives an IPN: verifies the signature over the raw bytes first, before any database write; a
 * refused IPN is only counted and sampled ({@link RejectedIpns}), a verified one is parsed once (by the
 * verification) and stored raw in the write transaction that applies it. Also re-runs a stored IPN for the admin (replay), which is idempotent because
 * applying is.
 */
public final class IpnIntake {

    private final Tx tx;
    private final IpnEventDao ipns;
    private final IpnVerifier verifier;
    private final RejectedIpns rejected;
    private final DepositUpdater updater;
    private final FiatValuation valuation;
    private final Clock clock;
    private final BigDecimal maxAmount;

    /** {@code maxAmount} caps every amount field of an IPN (IPN_MAX_AMOUNT): beyond it the IPN is malformed. */
    public IpnIntake(Tx tx, IpnEventDao ipns, IpnVerifier verifier, RejectedIpns rejected, DepositUpdater updater, FiatValuation valuation, Clock clock,
                     BigDecimal maxAmount) {
        this.tx = tx;
        this.ipns = ipns;
        this.verifier = verifier;
        this.rejected = rejected;
        this.updater = updater;
        this.valuation = valuation;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    public DepositUpdater.Outcome receive(byte[] body, String signature, String remoteAddress) {
        // Why verify before storing: a forged IPN must not take the single writer (rule 9), or a flood of them
        // would queue every genuine IPN behind it; refused ones are counted and sampled off the request thread.
        IpnCanonicalJson verified;
        try {
            verified = verifier.verify(body, signature);
        } catch (IpnVerificationException e) {
            rejected.reject(remoteAddress, signature, body, detail(e));
            throw refused(e);
        }
        // the verification's one parse gives the payment; the raw text is the one it decoded
        String text = verified.text();
        Payment p;
        try {
            p = plausible(Payment.fromVerified(verified));
        } catch (NowPaymentsException e) {
            String[] hint = RejectedIpns.peek(text);
            tx.inTransaction(c -> ipns.insert(c, new IpnEventDao.Received(clock.instant(), remoteAddress, signature, text, hint[0],
                    hint[1]), IpnVerdict.MALFORMED, e.getMessage()));
            throw malformed();
        }
        IpnEventDao.Received raw = new IpnEventDao.Received(clock.instant(), remoteAddress, signature, text, p.paymentId(), p.status());
        // Why two steps: an estimate may ask the provider, never while holding the write lock. Almost every IPN needs
        // none and is applied at once; one that does leaves the transaction without a write, the estimate is fetched,
        // and the IPN is applied with it (the decision is made again under the lock).
        Payment payment = p;
        return updater.applyIpnUnlessEstimateWanted(raw, payment, valuation)
                .orElseGet(() -> updater.applyIpn(raw, payment, valuation.fetch(payment)));
    }

    /** Runs a stored IPN through verification and the update path again, in one write transaction. */
    public DepositUpdater.Outcome replay(long eventId) {
        IpnEventDao.IpnEvent e = tx.read(c -> ipns.find(c, eventId)).orElseThrow(() -> Failure.notFound("IPN " + eventId));
        IpnCanonicalJson verified;
        try {
            verified = verifier.verify(e.body().getBytes(StandardCharsets.UTF_8), e.signature());
        } catch (IpnVerificationException ex) {
            verdict(eventId, IpnVerdict.INVALID_SIGNATURE, detail(ex));
            throw refused(ex);
        }
        Payment p;
        try {
            p = plausible(Payment.fromVerified(verified));
        } catch (NowPaymentsException ex) {
            verdict(eventId, IpnVerdict.MALFORMED, ex.getMessage());
            throw malformed();
        }
        return updater.apply(p, UpdateSource.IPN, eventId, valuation.estimateFor(p));
    }

    private Payment plausible(Payment p) {
        PaymentAmounts.requirePlausible(p, maxAmount);
        return p;
    }

    private static IpnRefusedException malformed() {
        return new IpnRefusedException(IpnVerdict.MALFORMED, FailureCode.BAD_REQUEST, "The IPN body is not a payment");
    }

    private static String detail(IpnVerificationException e) {
        return e.reason() + ": " + e.getMessage();
    }

    private static IpnRefusedException refused(IpnVerificationException e) {
        boolean missing = e.reason() == IpnVerificationException.Reason.MISSING_SIGNATURE;
        return new IpnRefusedException(IpnVerdict.INVALID_SIGNATURE, missing ? FailureCode.UNAUTHENTICATED : FailureCode.BAD_REQUEST,
                missing ? "The x-nowpayments-sig header is missing" : "The IPN signature does not verify");
    }

    private void verdict(long eventId, IpnVerdict verdict, String detail) {
        tx.inTransaction(c -> {
            ipns.setVerdict(c, eventId, verdict, detail, null);
            return null;
        });
    }
}
