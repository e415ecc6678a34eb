package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.NowPaymentsStatus;
import org.junit.jupiter.api.Test;

class DepositStatusTest {
    @Test
    void statusesOnlyMoveForward() {
        assertTrue(DepositStatus.PENDING.canMoveTo(DepositStatus.CONFIRMING));
        assertTrue(DepositStatus.CONFIRMING.canMoveTo(DepositStatus.COMPLETED));
        assertTrue(DepositStatus.PARTIALLY_PAID.canMoveTo(DepositStatus.COMPLETED));
        assertTrue(DepositStatus.COMPLETED.canMoveTo(DepositStatus.REFUNDED));
        assertFalse(DepositStatus.COMPLETED.canMoveTo(DepositStatus.CONFIRMING), "no late confirming after completed");
        assertFalse(DepositStatus.COMPLETED.canMoveTo(DepositStatus.PENDING));
        assertFalse(DepositStatus.CONFIRMING.canMoveTo(DepositStatus.PENDING));
        assertTrue(DepositStatus.FAILED.canMoveTo(DepositStatus.COMPLETED), "money that arrived after a failure still completes (flagged)");
        assertFalse(DepositStatus.REFUNDED.canMoveTo(DepositStatus.COMPLETED));
        assertTrue(DepositStatus.EXPIRED.canMoveTo(DepositStatus.COMPLETED), "a late payment still completes (flagged)");
        for (DepositStatus s : DepositStatus.values()) {
            assertFalse(s.canMoveTo(s), s + " does not move to itself");
        }
    }

    @Test
    void finalStatuses() {
        assertTrue(DepositStatus.COMPLETED.isFinal());
        assertTrue(DepositStatus.FAILED.isFinal());
        assertFalse(DepositStatus.PENDING.isFinal());
        assertFalse(DepositStatus.PARTIALLY_PAID.isFinal());
    }

    @Test
    void oneMappingFromTheProvidersWords() {
        assertEquals(DepositStatus.PENDING, DepositStatus.fromProvider(NowPaymentsStatus.WAITING));
        assertEquals(DepositStatus.CONFIRMING, DepositStatus.fromProvider(NowPaymentsStatus.CONFIRMED));
        assertEquals(DepositStatus.CONFIRMING, DepositStatus.fromProvider(NowPaymentsStatus.SENDING));
        assertEquals(DepositStatus.COMPLETED, DepositStatus.fromProvider(NowPaymentsStatus.FINISHED));
        assertEquals(DepositStatus.PARTIALLY_PAID, DepositStatus.fromProvider(NowPaymentsStatus.PARTIALLY_PAID));
        assertEquals(DepositStatus.FAILED, DepositStatus.fromProvider(NowPaymentsStatus.CANCELLED));
        assertNull(DepositStatus.fromProvider(NowPaymentsStatus.UNKNOWN));
        assertEquals("partially_paid", DepositStatus.PARTIALLY_PAID.wire());
    }
}
