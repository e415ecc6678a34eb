package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The provider's status words: tolerant parsing, UNKNOWN for anything else, which ones are final. */
class NowPaymentsStatusTest {

    @Test
    void parsesEveryProviderWord() {
        for (NowPaymentsStatus s : EnumSet.complementOf(EnumSet.of(NowPaymentsStatus.UNKNOWN))) {
            assertEquals(s, NowPaymentsStatus.parse(s.word()));
        }
    }

    @Test
    void toleratesCaseBlanksAndAmericanSpelling() {
        assertEquals(NowPaymentsStatus.PARTIALLY_PAID, NowPaymentsStatus.parse(" Partially_Paid "));
        assertEquals(NowPaymentsStatus.CANCELLED, NowPaymentsStatus.parse("canceled"));
        assertEquals(NowPaymentsStatus.CANCELLED, NowPaymentsStatus.parse("CANCELLED"));
    }

    @Test
    void anythingElseIsUnknownAndNotFinal() {
        for (String w : new String[] {null, "", "unknown", "CREATING", "paid", "finished!"}) {
            assertEquals(NowPaymentsStatus.UNKNOWN, NowPaymentsStatus.parse(w));
        }
        assertFalse(NowPaymentsStatus.UNKNOWN.isFinal());
    }

    @Test
    void finalStates() {
        assertEquals(EnumSet.of(NowPaymentsStatus.PARTIALLY_PAID, NowPaymentsStatus.FINISHED, NowPaymentsStatus.FAILED,
                NowPaymentsStatus.REFUNDED, NowPaymentsStatus.EXPIRED, NowPaymentsStatus.CANCELLED),
                EnumSet.copyOf(java.util.Arrays.stream(NowPaymentsStatus.values()).filter(NowPaymentsStatus::isFinal)
                        .toList()));
        assertTrue(NowPaymentsStatus.FINISHED.isFinal());
        assertFalse(NowPaymentsStatus.CONFIRMED.isFinal());
    }
}
