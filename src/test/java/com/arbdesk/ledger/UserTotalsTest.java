package com.arbdesk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.auth.Role;
import com.arbdesk.auth.UserDao;
import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-user totals of V014 (user_balances, user_transaction_counts) always equal the ledger sum and the
 * transaction count they stand for, after any mix of credits, debits and transactions over several users.
 */
class UserTotalsTest {
    @TempDir
    Path dir;

    @Test
    void balanceRowAndCountAlwaysEqualTheLedgerAndTheTransactions() throws Exception {
        Database db = Database.open(dir.resolve("totals.db"), 1);
        Migrations.apply(db);
        LedgerDao ledger = new LedgerDao();
        TransactionDao transactions = new TransactionDao();
        Random random = new Random(13);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        try (Connection c = db.dataSource().getConnection()) {
            UserDao users = new UserDao();
            List<Long> ids = List.of(users.insert(c, "a@example.com", "x", Role.USER, now),
                    users.insert(c, "b@example.com", "x", Role.USER, now), users.insert(c, "c@example.com", "x", Role.USER, now));
            long fresh = users.insert(c, "d@example.com", "x", Role.USER, now);
            assertEquals(Money.ofMinor(Asset.USD, 0), ledger.balance(c, fresh, Asset.USD));
            assertEquals(0, transactions.countForUser(c, fresh));
            for (int i = 0; i < 300; i++) {
                long user = ids.get(random.nextInt(ids.size()));
                long minor = random.nextInt(200_000) - 50_000;
                if (minor == 0) {
                    continue;
                }
                Money amount = Money.ofMinor(Asset.USD, minor);
                Long txId = null;
                if (random.nextBoolean()) {
                    txId = transactions.insert(c, user, "adjustment", amount, "completed", "r-" + i, "test", null, now);
                }
                ledger.insert(c, new LedgerDao.NewEntry(user, amount, "adjustment", "test", "ref-" + i, txId, null, "test"), now);
                for (long id : ids) {
                    assertEquals(ledger.ledgerSum(c, id, Asset.USD), ledger.balance(c, id, Asset.USD));
                    assertEquals(Jdbc.queryOne(c, "SELECT COUNT(*) FROM transactions WHERE user_id = ?",
                            st -> st.setLong(1, id), rs -> rs.getLong(1)).orElseThrow(), transactions.countForUser(c, id));
                }
            }
            var all = ledger.balances(c, ids, Asset.USD);
            for (long id : ids) {
                assertEquals(ledger.ledgerSum(c, id, Asset.USD), all.get(id));
            }
        }
    }
}
