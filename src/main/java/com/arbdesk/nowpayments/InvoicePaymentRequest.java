package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * The body of {@code POST /invoice-payment}: a deposit address for an existing invoice, without
 * the hosted page.
 *
 * @param iid the invoice id ({@link Invoice#id()})
 */
public record InvoicePaymentRequest(
        String iid,
        String payCurrency,
        String purchaseId,
        String orderDescription,
        String customerEmail) {

    public InvoicePaymentRequest {
        RequestChecks.digits("iid", iid);
        payCurrency = RequestChecks.ticker("pay_currency", payCurrency);
        if (purchaseId != null) {
            RequestChecks.digits("purchase_id", purchaseId);
        }
    }

    ObjectNode toJson() {
        ObjectNode n = ProviderJson.object();
        // The documented request sends iid unquoted, as a number; BigInteger keeps every digit.
        n.put("iid", new BigInteger(iid));
        n.put("pay_currency", payCurrency);
        ProviderJson.putOptional(n, "purchase_id", purchaseId);
        ProviderJson.putOptional(n, "order_description", orderDescription);
        ProviderJson.putOptional(n, "customer_email", customerEmail);
        return n;
    }
}
