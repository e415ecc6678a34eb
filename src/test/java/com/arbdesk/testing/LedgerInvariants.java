package com.arbdesk.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads the server's database directly (its SQLite file, or its PostgreSQL schema) and checks what must hold
 * after any test: no negative balance, every completed adjustment has exactly one ledger entry of its amount,
 * no entry without a source, no money column stored as a float.
 */
public final class LedgerInvariants {
    private final Path database;
    private final String serverUrl;

    LedgerInvariants(Path database) {
        this.database = database;
        this.serverUrl = null;
    }

    /** On a PostgreSQL schema: {@code url} selects it as the current schema. */
    LedgerInvariants(String serverUrl) {
        this.database = null;
        this.serverUrl = serverUrl;
    }

    /** True when the database is PostgreSQL (for the few checks a test words per dialect). */
    public boolean postgres() {
        return serverUrl != null;
    }

    public void assertHold() {
        expectNone("negative balance", """
                SELECT user_id FROM ledger_entries GROUP BY user_id, asset HAVING SUM(amount_minor) < 0
                """);
        expectNone("adjustment without exactly one matching ledger entry", """
                SELECT t.id FROM transactions t
                WHERE t.type = 'adjustment' AND t.status = 'completed'
                  AND (SELECT COUNT(*) FROM ledger_entries e WHERE e.transaction_id = t.id AND e.amount_minor = t.amount_usd_minor) <> 1
                """);
        expectNone("deposit whose credited amount is not the sum of its ledger entries", """
                SELECT t.id FROM transactions t
                WHERE t.type = 'deposit'
                  AND t.credited_minor <> (SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e WHERE e.transaction_id = t.id)
                """);
        expectNone("credit on a deposit that is not completed, partially paid or refunded after credit", """
                SELECT id FROM transactions
                WHERE type = 'deposit' AND credited_minor > 0 AND status NOT IN ('completed', 'partially_paid', 'refunded')
                """);
        // SQLite stores whatever a value is; PostgreSQL's column type decides, so there the columns are checked
        expectNone("money stored as a non-integer", postgres() ? """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type <> 'bigint'
                  AND ((table_name = 'ledger_entries' AND column_name = 'amount_minor')
                    OR (table_name = 'transactions' AND column_name IN ('amount_usd_minor', 'credited_minor')))
                """ : """
                SELECT id FROM ledger_entries WHERE typeof(amount_minor) <> 'integer'
                UNION ALL SELECT id FROM transactions WHERE typeof(amount_usd_minor) <> 'integer'
                """);
    }

    public long count(String sql) {
        try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    /** Runs a statement expected to fail, returning the error text (for append-only checks). */
    public String executeExpectingFailure(String sql) {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            throw new AssertionError("statement succeeded but should have failed: " + sql);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private void expectNone(String what, String sql) {
        try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                throw new AssertionError("ledger invariant broken: " + what + " (row " + rs.getString(1) + ")");
            }
        } catch (SQLException e) {
            throw new AssertionError("invariant query failed: " + sql, e);
        }
    }

    private Connection open() throws SQLException {
        if (serverUrl != null) {
            return TestDatabase.connect(serverUrl);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
        }
        return c;
    }
}
