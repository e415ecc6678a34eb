package com.arbdesk.deposit;

import java.time.Instant;
import java.util.List;

/** A deposit on the wire; every amount is an exact decimal string. */
public record DepositResponse(long transactionId, String paymentId, String status, String mode, String currency,
                              String network, String networkName, String payCurrency, String payAddress, String payAmount,
                              String actuallyPaid, String priceAmount, String priceCurrency, String creditedUsd,
                              Instant expiresAt, Instant validUntil, String qrUrl, String invoiceUrl, List<String> flags, String failureReason,
                              Instant createdAt, Instant updatedAt) {

    public static DepositResponse of(Deposit d, String contextPath) {
        DepositCurrency option = DepositCurrency.byTicker(d.payCurrency()).orElse(null);
        return new DepositResponse(d.id(), d.paymentId(), d.status().wire(), d.mode(), d.currency(), d.network(),
                option == null ? d.network() : option.networkName(), d.payCurrency(), d.payAddress(), d.payAmount(),
                d.actuallyPaid(), d.amountUsd().toPlainString(), "usd", d.credited().toPlainString(), d.expiresAt(), d.validUntil(),
                d.payAddress() == null ? null : contextPath + "/api/deposits/" + d.id() + "/qr", d.invoiceUrl(),
                List.copyOf(d.flags()), d.failureReason(), d.createdAt(), d.updatedAt());
    }
}
