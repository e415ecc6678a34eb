package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deposit status added to the enum but forgotten in the pages' badge colours or the dialog's status line fails here. */
class DepositStatusEverywhereTest {

    private static List<String> missingIn(Path file, String format) throws IOException {
        String text = Files.readString(file);
        return Arrays.stream(DepositStatus.values()).map(DepositStatus::wire)
                .filter(w -> !text.contains(String.format(format, w))).toList();
    }

    @Test
    void everyStatusHasABadgeColour() throws IOException {
        List<String> missing = missingIn(Path.of("webapp/assets/css/app.css"), ".status-%s");
        assertTrue(missing.isEmpty(), "no .status-<wire> rule in app.css for " + missing);
    }

    @Test
    void everyStatusHasADialogStatusLine() throws IOException {
        List<String> missing = missingIn(Path.of("webapp/assets/js/deposit-text.js"), "case '%s':");
        assertTrue(missing.isEmpty(), "no status line in deposit-text.js for " + missing);
    }
}
