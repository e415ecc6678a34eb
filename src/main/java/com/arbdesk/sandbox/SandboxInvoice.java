package com.arbdesk.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hosted invoice held by the sandbox; the payer picks a coin on its page, which creates a payment.
 * While {@code loseIpns} is set, the payments created from it lose their IPNs.
 */
public record SandboxInvoice(long id, BigDecimal priceAmount, String priceCurrency, String payCurrency, String orderId,
                             String orderDescription, String ipnCallbackUrl, String successUrl, String cancelUrl,
                             boolean fixedRate, boolean feePaidByUser, Instant createdAt, List<Long> paymentIds,
                             AtomicBoolean loseIpns) {
    static SandboxInvoice create(long id, BigDecimal priceAmount, String priceCurrency, String payCurrency, String orderId,
                                 String orderDescription, String ipnCallbackUrl, String successUrl, String cancelUrl,
                                 boolean fixedRate, boolean feePaidByUser, Instant createdAt) {
        return new SandboxInvoice(id, priceAmount, priceCurrency, payCurrency, orderId, orderDescription, ipnCallbackUrl,
                successUrl, cancelUrl, fixedRate, feePaidByUser, createdAt, new CopyOnWriteArrayList<>(), new AtomicBoolean());
    }
}
