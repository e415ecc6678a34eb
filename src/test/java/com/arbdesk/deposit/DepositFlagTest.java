package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DepositFlagTest {
    @Test
    void wireFormsAreLowerSnakeCase() {
        assertEquals("late_payment", DepositFlag.LATE_PAYMENT.wire());
        assertEquals("needs_review", DepositFlag.NEEDS_REVIEW.wire());
        for (DepositFlag f : DepositFlag.values()) {
            assertEquals(Optional.of(f), DepositFlag.parse(f.wire()));
        }
        assertEquals(Optional.empty(), DepositFlag.parse("LATE_PAYMENT"));
        assertEquals(Optional.empty(), DepositFlag.parse(null));
    }

    @Test
    void theColumnRoundTrips() {
        Set<String> flags = new LinkedHashSet<>(List.of(DepositFlag.REDEPOSIT.wire(), DepositFlag.NEEDS_REVIEW.wire()));
        String csv = DepositFlag.toCsv(flags);
        assertEquals("redeposit,needs_review", csv);
        assertEquals(flags, DepositFlag.parseCsv(csv));
        assertEquals("", DepositFlag.toCsv(Set.of()));
        assertEquals(Set.of(), DepositFlag.parseCsv(""));
        assertEquals(Set.of(), DepositFlag.parseCsv(null));
    }

    @Test
    void unknownWordsAreIgnoredOnReadAndRefusedOnWrite() {
        assertEquals(Set.of("overpaid"), DepositFlag.parseCsv("overpaid,someday_flag"));
        assertThrows(IllegalArgumentException.class, () -> DepositFlag.toCsv(List.of("overpaid", "someday_flag")));
        assertThrows(IllegalArgumentException.class, () -> DepositFlag.toCsv(List.of(" overpaid")));
    }
}
