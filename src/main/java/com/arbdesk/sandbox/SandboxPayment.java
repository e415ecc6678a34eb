package com.arbdesk.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One payment held by the sandbox, with everything the provider would report about it. Mutated
 * only by {@link SandboxService} while holding the payment's monitor.
 */
public final class SandboxPayment {
    final long id;
    final SandboxCoin coin;
    final BigDecimal priceAmount;
    final String priceCurrency;
    /** The amount to send; a lapsed quote is refreshed by update-merchant-estimate. */
    BigDecimal payAmount;
    final String payAddress;
    /** The memo a memo coin's payer must include; null for other coins. */
    final String payinExtraId;
    final String orderId;
    final String orderDescription;
    final long purchaseId;
    final Long invoiceId;
    final Long parentPaymentId;
    final String ipnCallbackUrl;
    final boolean fixedRate;
    final Instant createdAt;
    /** When the quoted amount lapses (expiration_estimate_date). */
    Instant expiresAt;
    final Instant validUntil;
    final List<Long> childIds = new ArrayList<>();
    final List<IpnAttempt> ipnLog = new ArrayList<>();
    String status = "waiting";
    /** The payer's transaction, once coins arrived. */
    String payinHash;
    /** While set, this payment's IPNs are recorded as lost and never sent (the global switch does the same for all). */
    volatile boolean loseIpns;
    BigDecimal actuallyPaid = BigDecimal.ZERO;
    Instant updatedAt;
    /** Bumped by every action, so a confirmation sequence that a later action superseded stops. */
    int generation;
    byte[] lastIpnBody;
    /** The previous IPN's first delivery attempt: the next one waits for it, so a payment's IPNs arrive in order. */
    java.util.concurrent.CompletableFuture<?> lastDelivery = java.util.concurrent.CompletableFuture.completedFuture(null);

    SandboxPayment(long id, SandboxCoin coin, BigDecimal priceAmount, String priceCurrency, BigDecimal payAmount,
                   String payAddress, String orderId, String orderDescription, long purchaseId, Long invoiceId,
                   Long parentPaymentId, String ipnCallbackUrl, boolean fixedRate, Instant createdAt, Duration quoteFor,
                   Duration validFor) {
        this.id = id;
        this.coin = coin;
        this.priceAmount = priceAmount;
        this.priceCurrency = priceCurrency;
        this.payAmount = payAmount;
        this.payAddress = payAddress;
        this.payinExtraId = coin.newMemo();
        this.orderId = orderId;
        this.orderDescription = orderDescription;
        this.purchaseId = purchaseId;
        this.invoiceId = invoiceId;
        this.parentPaymentId = parentPaymentId;
        this.ipnCallbackUrl = ipnCallbackUrl;
        this.fixedRate = fixedRate;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.expiresAt = createdAt.plus(quoteFor);
        this.validUntil = createdAt.plus(validFor);
    }

    /** One IPN delivery attempt, for the control page and tests. */
    public record IpnAttempt(Instant at, String status, int httpStatus, String outcome) {
    }

    public long id() {
        return id;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized BigDecimal actuallyPaid() {
        return actuallyPaid;
    }

    public synchronized List<IpnAttempt> ipnLog() {
        return List.copyOf(ipnLog);
    }

    /** The merchant's share after the sandbox's 0.5% service fee. */
    BigDecimal outcomeAmount() {
        return actuallyPaid.multiply(new BigDecimal("0.995")).setScale(coin.precision(), java.math.RoundingMode.DOWN)
                .stripTrailingZeros();
    }
}
