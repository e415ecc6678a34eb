package com.arbdesk.web.api;

import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositCurrency;
import com.arbdesk.deposit.DepositFlag;
import com.arbdesk.deposit.WalletUris;
import com.arbdesk.ledger.BlockExplorer;
import java.time.Instant;
import java.util.List;

/**
 * A deposit on the wire; every amount is an exact decimal string. {@code expiresAt} is when the quoted
 * amount lapses, {@code validUntil} when the address stops taking payments; {@code payinExtraId} is the
 * memo the payer must include; {@code payinHashUrl} a block-explorer link to the payer's transaction;
 * {@code walletUri} the chain's payment-request link for the exact amount, where a standard exists.
 */
public record DepositResponse(long transactionId, String paymentId, String status, String mode, String currency,
                              String network, String networkName, String payCurrency, String payAddress, String payinExtraId,
                              String payAmount, String actuallyPaid, String priceAmount, String priceCurrency,
                              String creditedUsd, Instant expiresAt, Instant validUntil, String payinHash, String payinHashUrl,
                              String qrUrl, String walletUri, String invoiceUrl, List<String> flags, String failureReason, Instant createdAt,
                              Instant updatedAt) {

    public static DepositResponse of(Deposit d, String contextPath) {
        DepositCurrency option = DepositCurrency.byTicker(d.payCurrency()).orElse(null);
        return new DepositResponse(d.id(), d.paymentId(), d.status().wire(), d.mode() == null ? null : d.mode().wire(), d.currency(), d.network(),
                option == null ? d.network() : option.networkName(), d.payCurrency(), d.payAddress(), d.payinExtraId(),
                d.payAmount(), d.actuallyPaid(), d.amountUsd().toPlainString(), "usd", d.credited().toPlainString(),
                d.expiresAt(), d.validUntil(), d.payinHash(), BlockExplorer.txUrl(d.payCurrency(), d.payinHash()).orElse(null),
                d.payAddress() == null ? null : contextPath + "/api/deposits/" + d.id() + "/qr",
                d.payCurrency() == null ? null : WalletUris.of(d.payCurrency(), d.payAddress(), d.payAmount()).orElse(null), d.invoiceUrl(),
                d.flags().stream().map(DepositFlag::wire).toList(), d.failureReason(), d.createdAt(), d.updatedAt());
    }
}
