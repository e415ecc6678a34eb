package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.db.DataAccessException;
import com.arbdesk.core.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database refuses a flag that is not a {@link DepositFlag} (V008), and the triggers' list is the enum's. */
class DepositFlagColumnTest {
    /** The latest migration that (re)creates the flag triggers: V008, or a later one that added a flag. */
    private static String latestTriggers() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<Path> defining = files.sorted().filter(f -> read(f).contains("CREATE TRIGGER transactions_known_flags_insert")).toList();
            assertFalse(defining.isEmpty(), "no migration creates the flag triggers");
            return read(defining.get(defining.size() - 1));
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void eachTriggersListIsTheEnumsWireForms() throws Exception {
        List<String> wires = Arrays.stream(DepositFlag.values()).map(DepositFlag::wire).toList();
        String[] triggers = latestTriggers().split("CREATE TRIGGER");
        assertEquals(3, triggers.length, "one trigger for INSERT, one for UPDATE OF flags");
        for (int i = 1; i < triggers.length; i++) {
            List<String> listed = Pattern.compile("',([a-z_]+),'").matcher(triggers[i]).results().map(r -> r.group(1)).toList();
            assertEquals(wires, listed, "the triggers' known flags, in declaration order");
        }
    }

    @Test
    void theDatabaseRefusesAnUnknownFlagOnInsertAndUpdate() {
        try (DepositDb db = new DepositDb(dir)) {
            long user = db.user("payer@example.com");
            long id = db.pending(user, "100.00", "0.00153847", "5000000001").id();
            for (String ok : List.of("", "overpaid", "redeposit,needs_review", String.join(",",
                    Arrays.stream(DepositFlag.values()).map(DepositFlag::wire).toList()))) {
                setFlags(db, id, ok);
            }
            for (String bad : List.of("someday_flag", "overpaid,someday_flag", "OVERPAID", " overpaid", "overpaid,", ",overpaid",
                    "overpaid,,approved", "over_paid")) {
                DataAccessException e = assertThrows(DataAccessException.class, () -> setFlags(db, id, bad), bad);
                assertTrue(e.getMessage().contains("unknown deposit flag"), e.getMessage());
            }
            assertEquals(1, db.count("SELECT COUNT(*) FROM transactions WHERE id = ? AND flags LIKE 'overpaid,late_payment,%'", id),
                    "the refused updates left the last accepted value");
            assertThrows(DataAccessException.class, () -> db.tx.inTransaction(c -> Jdbc.insert(c, """
                    INSERT INTO transactions (user_id, type, amount_usd_minor, status, created_at, updated_at, flags)
                    VALUES (?, 'deposit', 100, 'pending', 'now', 'now', 'someday_flag')
                    """, st -> st.setLong(1, user))));
            assertEquals(1, db.count("SELECT COUNT(*) FROM transactions"), "the refused insert wrote nothing");
        }
    }

    private static void setFlags(DepositDb db, long id, String flags) {
        db.tx.inTransaction(c -> Jdbc.update(c, "UPDATE transactions SET flags = ? WHERE id = ?", st -> {
            st.setString(1, flags);
            st.setLong(2, id);
        }));
    }
}
