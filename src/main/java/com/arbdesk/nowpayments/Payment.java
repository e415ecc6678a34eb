package com.arbdesk.nowpayments;

import static com.arbdesk.nowpayments.ProviderJson.decimal;
import static com.arbdesk.nowpayments.ProviderJson.id;
import static com.arbdesk.nowpayments.ProviderJson.instant;
import static com.arbdesk.nowpayments.ProviderJson.text;
import static com.arbdesk.nowpayments.ProviderJson.ticker;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment as NOWPayments reports it (create, status, list). Amounts are the provider's exact
 * values; {@code status} is the provider's raw word; {@code rawJson} keeps the answer for the audit trail.
 *
 * @param actuallyPaid amount received in {@code payCurrency}; null before anything arrived
 * @param outcomeAmount what the merchant receives in {@code outcomeCurrency}; null before processing
 * @param parentPaymentId set on a re-deposit to an already used address (do not auto-deliver these)
 * @param actuallyPaidAtFiat the provider's fiat value of what arrived; often 0 or absent (GET payment lacks it)
 * @param paymentExtraIds on a parent: the ids of its re-deposits (children); empty when none
 * @param payinHash the hash of the payer's transaction, once the provider saw it
 */
public record Payment(
        String paymentId,
        String status,
        String payAddress,
        String payinExtraId,
        BigDecimal priceAmount,
        String priceCurrency,
        BigDecimal payAmount,
        String payCurrency,
        BigDecimal actuallyPaid,
        BigDecimal actuallyPaidAtFiat,
        BigDecimal outcomeAmount,
        String outcomeCurrency,
        String orderId,
        String orderDescription,
        String purchaseId,
        String invoiceId,
        String parentPaymentId,
        String network,
        Instant createdAt,
        Instant updatedAt,
        Instant expirationEstimateDate,
        Instant validUntil,
        List<String> paymentExtraIds,
        String payinHash,
        String rawJson) {

    public Payment {
        paymentExtraIds = paymentExtraIds == null ? List.of() : List.copyOf(paymentExtraIds);
    }

    /**
     * The same payment named as a re-deposit of {@code parent}: a child found through its parent's
     * payment_extra_ids is a re-deposit even when its own answer leaves parent_payment_id out.
     */
    public Payment asChildOf(String parent) {
        return parentPaymentId != null ? this : new Payment(paymentId, status, payAddress, payinExtraId, priceAmount,
                priceCurrency, payAmount, payCurrency, actuallyPaid, actuallyPaidAtFiat, outcomeAmount, outcomeCurrency,
                orderId, orderDescription, purchaseId, invoiceId, parent, network, createdAt, updatedAt,
                expirationEstimateDate, validUntil, paymentExtraIds, payinHash, rawJson);
    }

    /** The status word parsed; {@link NowPaymentsStatus#UNKNOWN} for words we do not know. */
    public NowPaymentsStatus parsedStatus() {
        return NowPaymentsStatus.parse(status);
    }

    /** Reads a verified IPN from the tree its verification parsed, with the same tolerant mapping as API answers. */
    public static Payment fromVerified(IpnCanonicalJson verified) {
        return from(verified.tree(), verified.text());
    }

    /** Reads an IPN body (verified first, by the caller) with the same tolerant mapping as API answers. */
    public static Payment fromIpn(byte[] body) {
        String raw = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            return from(ProviderJson.MAPPER.readTree(raw), raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw NowPaymentsException.unexpected("the IPN body is not JSON");
        }
    }

    /** Maps one payment object; ids and amounts may be numbers or strings (see api-facts §2.15). */
    static Payment from(JsonNode n, String rawJson) {
        if (n == null || !n.isObject()) {
            throw NowPaymentsException.unexpected("payment is not a JSON object");
        }
        String paymentId = id(n, "payment_id");
        String status = text(n, "payment_status");
        if (paymentId == null || status == null) {
            throw NowPaymentsException.unexpected("payment without payment_id or payment_status");
        }
        return new Payment(
                paymentId,
                status,
                text(n, "pay_address"),
                text(n, "payin_extra_id"),
                decimal(n, "price_amount"),
                ticker(n, "price_currency"),
                decimal(n, "pay_amount"),
                ticker(n, "pay_currency"),
                decimal(n, "actually_paid"),
                decimal(n, "actually_paid_at_fiat"),
                decimal(n, "outcome_amount"),
                ticker(n, "outcome_currency"),
                text(n, "order_id"),
                text(n, "order_description"),
                id(n, "purchase_id"),
                id(n, "invoice_id"),
                id(n, "parent_payment_id"),
                text(n, "network"),
                instant(n, "created_at"),
                instant(n, "updated_at"),
                instant(n, "expiration_estimate_date"),
                instant(n, "valid_until"),
                ProviderJson.ids(n, "payment_extra_ids"),
                text(n, "payin_hash"),
                rawJson);
    }
}
