package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Endpoint names stay a small closed set: no payment id or query ever becomes a metric label. */
class ProviderCallObserverTest {
    @Test
    void idsAndQueriesLeaveTheEndpointName() {
        assertEquals("/payment", ProviderCallObserver.endpointOf("/payment"));
        assertEquals("/payment/{id}", ProviderCallObserver.endpointOf("/payment/5077125051"));
        assertEquals("/payment/{id}/update-merchant-estimate", ProviderCallObserver.endpointOf("/payment/42/update-merchant-estimate"));
        assertEquals("/payment/", ProviderCallObserver.endpointOf("/payment/?limit=100&page=0&invoiceId=12"));
        assertEquals("/min-amount", ProviderCallObserver.endpointOf("/min-amount?currency_from=btc&currency_to=usdttrc20"));
        assertEquals("/merchant/coins", ProviderCallObserver.endpointOf("/merchant/coins"));
    }
}
