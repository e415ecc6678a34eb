package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    private static <E extends Enum<E>> Set<String> wires(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).collect(Collectors.toSet());
    }

    /** Every word the pattern's first group captures in the file; at least one, so a stale pattern fails. */
    private static List<String> words(String file, String regex) {
        try {
            Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of(file)));
            List<String> out = m.results().map(r -> r.group(1)).toList();
            assertFalse(out.isEmpty(), file + " has no match for " + regex + ": update this test");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertAllIn(Set<String> known, List<String> found, String where) {
        List<String> unknown = found.stream().filter(w -> !known.contains(w)).toList();
        assertTrue(unknown.isEmpty(), where + " names " + unknown + ", which the enum does not have " + known);
    }

    @Test
    void theScriptsCompareOnlyWithWireForms() {
        Set<String> statuses = wires(DepositStatus.values(), DepositStatus::wire);
        String status = "(?:\\.status|\\.new_status|\\bbefore)\\s*[!=]==\\s*'([a-z_]+)'";
        for (String js : List.of("deposit.js", "deposit-quote.js", "deposit-text.js", "live.js", "admin-live.js")) {
            assertAllIn(statuses, words("webapp/assets/js/" + js, status), js);
        }
        assertAllIn(statuses, words("webapp/assets/js/deposit-text.js", "case '([a-z_]+)':"), "deposit-text.js");
        Set<String> modes = wires(DepositMode.values(), DepositMode::wire);
        assertAllIn(modes, words("webapp/assets/js/deposit.js", "\\bmode\\s*[!=]==\\s*'([a-z_]+)'"), "deposit.js");
        assertAllIn(modes, words("webapp/assets/js/deposit.js", "create\\('([a-z_]+)'\\)"), "deposit.js");
        assertAllIn(modes, words("webapp/assets/js/deposit-quote.js", "\\bmode\\s*[!=]==\\s*'([a-z_]+)'"), "deposit-quote.js");
        assertAllIn(wires(DepositFlag.values(), DepositFlag::wire),
                words("webapp/assets/js/deposit-text.js", "\\bf\\s*===\\s*'([a-z_]+)'"), "deposit-text.js");
    }

    @Test
    void theMigrationsStatusListsNameOnlyStatuses() throws IOException {
        Set<String> statuses = wires(DepositStatus.values(), DepositStatus::wire);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path sql : files.sorted().toList()) {
                Matcher m = Pattern.compile("status IN \\(([^)]*)\\)").matcher(Files.readString(sql));
                while (m.find()) {
                    assertAllIn(statuses, Arrays.stream(m.group(1).split(",")).map(w -> w.trim().replaceAll("^'|'$", "")).toList(),
                            sql.getFileName().toString());
                }
            }
        }
    }

    @Test
    void theDaosBindTheVocabularyInsteadOfSpellingIt() throws IOException {
        Set<String> vocabulary = Stream.of(wires(DepositStatus.values(), DepositStatus::wire),
                wires(DepositFlag.values(), DepositFlag::wire), wires(DepositMode.values(), DepositMode::wire),
                wires(IpnVerdict.values(), IpnVerdict::wire), wires(UpdateSource.values(), UpdateSource::wire))
                .flatMap(Set::stream).collect(Collectors.toSet());
        for (String dao : List.of("DepositDao", "DepositWatchDao", "IpnEventDao")) {
            String java = Files.readString(Path.of("src/main/java/com/arbdesk/deposit/" + dao + ".java"));
            List<String> spelled = Pattern.compile("'([a-z_]+)'").matcher(java).results().map(r -> r.group(1))
                    .filter(vocabulary::contains).toList();
            assertTrue(spelled.isEmpty(), dao + " spells " + spelled + " in its SQL; bind the enum's wire() instead");
        }
    }

    @Test
    void finalIsDefinedOnce() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> definers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("boolean isFinal(");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("DepositStatus.java", "NowPaymentsStatus.java"), definers,
                    "ours (DepositStatus) and the provider's words (NowPaymentsStatus), nothing else");
        }
    }
}
