package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DepositFlagTest {
    /** The flags of a set of wire forms; a word that is no flag is refused, as nothing but a flag can be written. */
    private static Set<DepositFlag> flags(Collection<String> wires) {
        return wires.stream().map(w -> DepositFlag.parse(w).filter(f -> f.wire().equals(w))
                .orElseThrow(() -> new IllegalArgumentException("not a deposit flag: " + w)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> wires(Set<DepositFlag> flags) {
        return flags.stream().map(DepositFlag::wire).collect(Collectors.toCollection(LinkedHashSet::new));
    }

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
        String csv = DepositFlag.toCsv(flags(flags));
        assertEquals("redeposit,needs_review", csv);
        assertEquals(flags, wires(DepositFlag.parseCsv(csv)));
        assertEquals("", DepositFlag.toCsv(Set.of()));
        assertEquals(Set.of(), DepositFlag.parseCsv(""));
        assertEquals(Set.of(), DepositFlag.parseCsv(null));
    }

    @Test
    void unknownWordsAreIgnoredOnReadAndRefusedOnWrite() {
        assertEquals(Set.of("overpaid"), wires(DepositFlag.parseCsv("overpaid,someday_flag")));
        assertThrows(IllegalArgumentException.class, () -> DepositFlag.toCsv(flags(List.of("overpaid", "someday_flag"))));
        assertThrows(IllegalArgumentException.class, () -> DepositFlag.toCsv(flags(List.of(" overpaid"))));
    }

    @Test
    void aDepositCarriesAnUnmodifiableCopyInDeclarationOrder() {
        Set<DepositFlag> copy = DepositFlag.copyOf(List.of(DepositFlag.NEEDS_REVIEW, DepositFlag.OVERPAID));
        assertEquals("overpaid,needs_review", DepositFlag.toCsv(copy));
        assertThrows(UnsupportedOperationException.class, () -> copy.add(DepositFlag.APPROVED));
    }
}
