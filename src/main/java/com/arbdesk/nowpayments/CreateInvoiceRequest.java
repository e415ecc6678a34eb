package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The body of {@code POST /invoice}: a hosted checkout page. The redirect URLs are a convenience
 * for the payer; the IPN, not the redirect, says whether money arrived.
 *
 * @param payCurrency optional; when null the payer picks the coin on the invoice page
 */
public record CreateInvoiceRequest(
        BigDecimal priceAmount,
        String priceCurrency,
        String payCurrency,
        String ipnCallbackUrl,
        String orderId,
        String orderDescription,
        String successUrl,
        String cancelUrl,
        String partiallyPaidUrl,
        boolean fixedRate,
        boolean feePaidByUser) {

    public CreateInvoiceRequest {
        RequestChecks.positive("price_amount", priceAmount);
        priceCurrency = RequestChecks.ticker("price_currency", priceCurrency);
        payCurrency = RequestChecks.optionalTicker("pay_currency", payCurrency);
        RequestChecks.optionalUrl("ipn_callback_url", ipnCallbackUrl);
        RequestChecks.optionalUrl("success_url", successUrl);
        RequestChecks.optionalUrl("cancel_url", cancelUrl);
        RequestChecks.optionalUrl("partially_paid_url", partiallyPaidUrl);
    }

    ObjectNode toJson() {
        ObjectNode n = ProviderJson.object();
        n.put("price_amount", priceAmount);
        n.put("price_currency", priceCurrency);
        ProviderJson.putOptional(n, "pay_currency", payCurrency);
        ProviderJson.putOptional(n, "ipn_callback_url", ipnCallbackUrl);
        ProviderJson.putOptional(n, "order_id", orderId);
        ProviderJson.putOptional(n, "order_description", orderDescription);
        ProviderJson.putOptional(n, "success_url", successUrl);
        ProviderJson.putOptional(n, "cancel_url", cancelUrl);
        ProviderJson.putOptional(n, "partially_paid_url", partiallyPaidUrl);
        n.put("is_fixed_rate", fixedRate);
        n.put("is_fee_paid_by_user", feePaidByUser);
        return n;
    }
}
