package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment's refreshed quote from {@code POST /payment/{id}/update-merchant-estimate}: the amount
 * to send now and until when it holds. Before the old quote lapsed the provider answers it unchanged.
 */
public record EstimateUpdate(String paymentId, BigDecimal payAmount, Instant expirationEstimateDate) {

    static EstimateUpdate from(JsonNode n) {
        Instant until = ProviderJson.instant(n, "expiration_estimate_date");
        if (until == null) {
            throw NowPaymentsException.unexpected("estimate update without expiration_estimate_date");
        }
        return new EstimateUpdate(ProviderJson.id(n, "id"), ProviderJson.requiredDecimal(n, "pay_amount"), until);
    }
}
