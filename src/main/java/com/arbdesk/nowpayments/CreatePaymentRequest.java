package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The body of {@code POST /payment}: asks the provider for a deposit address for one order.
 *
 * @param payAmount optional; the provider computes it from the price when null
 * @param purchaseId optional; attaches this payment to an earlier purchase
 * @param sandboxCase sandbox only: success, failed, partially_paid or common; null in production
 */
public record CreatePaymentRequest(
        BigDecimal priceAmount,
        String priceCurrency,
        String payCurrency,
        BigDecimal payAmount,
        String ipnCallbackUrl,
        String orderId,
        String orderDescription,
        boolean fixedRate,
        boolean feePaidByUser,
        String purchaseId,
        String sandboxCase) {

    private static final Set<String> SANDBOX_CASES = Set.of("success", "failed", "partially_paid", "common");

    public CreatePaymentRequest {
        RequestChecks.positive("price_amount", priceAmount);
        priceCurrency = RequestChecks.ticker("price_currency", priceCurrency);
        // Why required: without pay_currency the provider picks a coin and the address could be on
        // a network the user did not choose.
        payCurrency = RequestChecks.ticker("pay_currency", payCurrency);
        RequestChecks.optionalPositive("pay_amount", payAmount);
        RequestChecks.optionalUrl("ipn_callback_url", ipnCallbackUrl);
        if (purchaseId != null) {
            RequestChecks.digits("purchase_id", purchaseId);
        }
        if (sandboxCase != null && !SANDBOX_CASES.contains(sandboxCase)) {
            throw NowPaymentsException.invalidRequest("case must be one of " + SANDBOX_CASES);
        }
    }

    /** A standard-rate payment with the usual fields. */
    public static CreatePaymentRequest of(BigDecimal priceAmount, String priceCurrency, String payCurrency,
            String ipnCallbackUrl, String orderId, String orderDescription) {
        return new CreatePaymentRequest(priceAmount, priceCurrency, payCurrency, null, ipnCallbackUrl,
                orderId, orderDescription, false, false, null, null);
    }

    ObjectNode toJson() {
        ObjectNode n = ProviderJson.object();
        n.put("price_amount", priceAmount);
        n.put("price_currency", priceCurrency);
        n.put("pay_currency", payCurrency);
        ProviderJson.putOptional(n, "pay_amount", payAmount);
        ProviderJson.putOptional(n, "ipn_callback_url", ipnCallbackUrl);
        ProviderJson.putOptional(n, "order_id", orderId);
        ProviderJson.putOptional(n, "order_description", orderDescription);
        n.put("is_fixed_rate", fixedRate);
        n.put("is_fee_paid_by_user", feePaidByUser);
        ProviderJson.putOptional(n, "purchase_id", purchaseId);
        ProviderJson.putOptional(n, "case", sandboxCase);
        return n;
    }
}
