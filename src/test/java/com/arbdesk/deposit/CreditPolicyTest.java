package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditPolicyTest {
    private static final Money PRICE = Money.usd("100.00");

    private static Money target(DepositStatus s, String quoted, String paid) {
        return CreditPolicy.target(s, PRICE, quoted == null ? null : new BigDecimal(quoted), paid == null ? null : new BigDecimal(paid));
    }

    @Test
    void completedCreditsWhatArrivedAtTheQuotedRateRoundedDown() {
        assertEquals(Money.usd("100.00"), target(DepositStatus.COMPLETED, "0.00153847", "0.00153847"));
        assertEquals(Money.usd("99.99"), target(DepositStatus.COMPLETED, "0.00153847", "0.00153846"), "never rounds up");
        assertEquals(Money.usd("110.00"), target(DepositStatus.COMPLETED, "100", "110"), "an overpayment is credited");
        assertTrue(CreditPolicy.overpaid(new BigDecimal("100"), new BigDecimal("110")));
        assertFalse(CreditPolicy.overpaid(new BigDecimal("100"), new BigDecimal("100")));
    }

    @Test
    void completedWithNothingReportedCreditsThePrice() {
        assertEquals(PRICE, target(DepositStatus.COMPLETED, "100", "0"));
        assertEquals(PRICE, target(DepositStatus.COMPLETED, "100", null));
    }

    @Test
    void partiallyPaidCreditsThePartOnly() {
        assertEquals(Money.usd("49.99"), target(DepositStatus.PARTIALLY_PAID, "0.00153847", "0.00076923"));
        assertEquals(Money.usd("0.00"), target(DepositStatus.PARTIALLY_PAID, "100", "0"));
    }

    @Test
    void otherStatusesCreditNothing() {
        for (DepositStatus s : new DepositStatus[] {DepositStatus.PENDING, DepositStatus.CONFIRMING, DepositStatus.FAILED,
                DepositStatus.EXPIRED, DepositStatus.REFUNDED}) {
            assertEquals(Money.usd("0"), target(s, "100", "100"), s.toString());
        }
    }
}
