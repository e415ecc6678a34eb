package com.arbdesk.nowpayments;

import static com.arbdesk.nowpayments.ProviderJson.instant;
import static com.arbdesk.nowpayments.ProviderJson.requiredDecimal;
import static com.arbdesk.nowpayments.ProviderJson.text;
import static com.arbdesk.nowpayments.ProviderJson.ticker;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A hosted invoice from {@code POST /invoice}; send the payer to {@code invoiceUrl}.
 *
 * @param payCurrency null when the payer picks the coin on the invoice page
 */
public record Invoice(
        String id,
        String orderId,
        BigDecimal priceAmount,
        String priceCurrency,
        String payCurrency,
        String invoiceUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** Maps the answer; the provider sends {@code price_amount} as a string here ("1000"). */
    static Invoice from(JsonNode n) {
        String id = ProviderJson.id(n, "id");
        String url = text(n, "invoice_url");
        if (id == null || url == null) {
            throw NowPaymentsException.unexpected("invoice without id or invoice_url");
        }
        return new Invoice(id, text(n, "order_id"), requiredDecimal(n, "price_amount"),
                ticker(n, "price_currency"), ticker(n, "pay_currency"), url,
                instant(n, "created_at"), instant(n, "updated_at"));
    }
}
