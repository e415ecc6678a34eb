package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentAmountsTest {
    private static final BigDecimal CAP = new BigDecimal("1000000000");

    private static Payment paid(String actuallyPaid) {
        String json = "{\"payment_id\":5077125051,\"payment_status\":\"finished\",\"price_amount\":50,"
                + "\"price_currency\":\"usd\",\"pay_amount\":50.1,\"pay_currency\":\"usdttrc20\",\"actually_paid\":" + actuallyPaid + "}";
        return Payment.fromIpn(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "50.1", "0.00000001", "1000000000", "1e3", "0.000000000000000001"})
    void realAmountsPass(String amount) {
        assertDoesNotThrow(() -> PaymentAmounts.requirePlausible(paid(amount), CAP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "1e400", "1000000000.01", "-1", "0.0000000000000000001", "1e-400"})
    void absurdAmountsAreRefusedWithTheField(String amount) {
        NowPaymentsException e = assertThrows(NowPaymentsException.class, () -> PaymentAmounts.requirePlausible(paid(amount), CAP));
        assertTrue(e.getMessage().contains("actually_paid"), e.getMessage());
    }
}
