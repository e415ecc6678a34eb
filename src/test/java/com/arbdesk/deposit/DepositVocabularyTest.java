package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deposit's closed vocabularies: their wire forms, and every list elsewhere checked against the enums. */
class DepositVocabularyTest {
    private static List<String> finalWires() {
        return Arrays.stream(DepositStatus.values()).filter(DepositStatus::isFinal).map(DepositStatus::wire).sorted().toList();
    }

    @Test
    void statusWireFormsRoundTrip() {
        for (DepositStatus s : DepositStatus.values()) {
            assertEquals(s, DepositStatus.fromWire(s.wire()));
        }
        assertEquals("partially_paid", DepositStatus.PARTIALLY_PAID.wire());
    }

    @Test
    void theOpenStatusListIsTheNonFinalStatuses() {
        assertEquals(List.of("pending", "confirming", "partially_paid"), DepositWatchDao.openStatuses());
        for (String open : DepositWatchDao.openStatuses()) {
            assertFalse(DepositStatus.fromWire(open).isFinal(), open);
        }
    }

    @Test
    void theDialogsFinalListIsTheJavaOne() throws Exception {
        String js = Files.readString(Path.of("webapp/assets/js/deposit.js"));
        Matcher m = Pattern.compile("var FINAL = \\[([^\\]]*)\\]").matcher(js);
        assertTrue(m.find(), "deposit.js declares var FINAL = [...]");
        List<String> words = Arrays.stream(m.group(1).split(",")).map(w -> w.trim().replaceAll("^'|'$", "")).sorted().toList();
        assertEquals(finalWires(), words);
    }

    @Test
    void modes() {
        assertEquals(List.of("payment", "invoice", "redeposit"), Arrays.stream(DepositMode.values()).map(DepositMode::wire).toList());
        assertEquals(Optional.of(DepositMode.INVOICE), DepositMode.parse(" invoice "));
        assertEquals(Optional.empty(), DepositMode.parse("Invoice"));
        assertEquals(Optional.empty(), DepositMode.parse(null));
        assertTrue(DepositMode.PAYMENT.userChoice());
        assertTrue(DepositMode.INVOICE.userChoice());
        assertFalse(DepositMode.REDEPOSIT.userChoice(), "a re-deposit is found, never asked for");
    }

    @Test
    void updateSources() {
        assertEquals(List.of("create", "ipn", "refresh", "reconcile", "admin"),
                Arrays.stream(UpdateSource.values()).map(UpdateSource::wire).toList());
    }
}
