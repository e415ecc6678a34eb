package com.arbdesk.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes deposits straight into the app's SQLite file (schema of src/main/resources/db/migration), or into a
 * PostgreSQL schema the app migrated (db/postgresql, same tables and columns): settled history with its ledger
 * rows, and pending deposits with a payment id for the IPN runs.
 */
public final class Seeder implements AutoCloseable {
    /** A pending deposit an IPN can complete. */
    public record Pending(long transactionId, long userId, String paymentId, String orderId) {
    }

    private static final int BATCH = 5_000;
    private static final long AMOUNT_MINOR = 1_000; // $10.00, paid as 10 USDT on TRC20

    private final Connection c;
    private final boolean postgres;
    private final Random random = new Random(13);

    public Seeder(Path db) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + db);
        postgres = false;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
        }
        c.setAutoCommit(true);
    }

    /** The same seeding into the PostgreSQL schema {@code url} selects (its {@code currentSchema}), batched inserts rewritten. */
    public Seeder(String url, String user, String password) throws SQLException {
        c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", user, password);
        postgres = true;
        c.setAutoCommit(true);
    }

    /** The password hash of a user made through the API, reused for seeded users (they never log in). */
    public String passwordHashOf(long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The password hash of the first user (one made through the API), for seeded users that never log in. */
    public String anyPasswordHash() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT password_hash FROM users ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code count} users that own seeded deposits; returns their ids. */
    public List<Long> users(String prefix, int count, String passwordHash) throws SQLException {
        List<Long> ids = new ArrayList<>();
        inTransaction(() -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO users (email, password_hash, role, created_at) VALUES (?, ?, 'USER', ?) RETURNING id")) {
                for (int i = 0; i < count; i++) {
                    st.setString(1, prefix + "-" + i + "@bench.invalid");
                    st.setString(2, passwordHash);
                    st.setString(3, Instant.now().toString());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    }
                }
            }
        });
        return ids;
    }

    /** {@code count} completed deposits over the last 30 days, round-robin over {@code owners}, each with its ledger row. */
    public void settled(List<Long> owners, int count) throws SQLException {
        insertDeposits(owners, count, true);
    }

    /** {@code count} pending deposits with a payment id and a live quote, round-robin over {@code owners}. */
    public List<Pending> pending(List<Long> owners, int count) throws SQLException {
        return insertDeposits(owners, count, false);
    }

    private List<Pending> insertDeposits(List<Long> owners, int count, boolean settled) throws SQLException {
        List<Pending> out = new ArrayList<>(settled ? 0 : count);
        long firstId = nextTransactionId();
        Instant now = Instant.now();
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            int start = from;
            inTransaction(() -> {
                try (PreparedStatement dep = c.prepareStatement(DEPOSIT_INSERT); PreparedStatement led = c.prepareStatement(LEDGER_INSERT)) {
                    for (int i = start; i < to; i++) {
                        long id = firstId + i;
                        long user = owners.get(i % owners.size());
                        Instant created = settled ? now.minus(Duration.ofSeconds(random.nextInt(30 * 86_400))) : now;
                        String paymentId = String.valueOf(9_000_000_000L + id);
                        String orderId = "deposit_" + user + "_" + id;
                        bindDeposit(dep, id, user, created, paymentId, orderId, settled);
                        dep.addBatch();
                        if (settled) {
                            bindLedger(led, id, user, created);
                            led.addBatch();
                        } else {
                            out.add(new Pending(id, user, paymentId, orderId));
                        }
                    }
                    dep.executeBatch();
                    if (settled) {
                        led.executeBatch();
                    }
                }
            });
        }
        if (postgres) { // explicit deposit ids leave the identity behind: move it past them for the app's next insert
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('transactions', 'id'), (SELECT MAX(id) FROM transactions))");
            }
        }
        return out;
    }

    private static final String DEPOSIT_INSERT = """
            INSERT INTO transactions (id, user_id, type, amount_usd_minor, status, reference, description, created_at, updated_at,
                                      mode, crypto_currency, network, pay_currency, pay_amount_text, actually_paid_text,
                                      credited_minor, payment_provider, payment_id, order_id, pay_address, expires_at,
                                      provider_status, valid_until)
            VALUES (?, ?, 'deposit', ?, ?, ?, 'USDT deposit on Tron (TRC20)', ?, ?, 'payment', 'USDT', 'TRC20', 'usdttrc20', '10',
                    ?, ?, 'nowpayments', ?, ?, 'TDbqd96NNmXmNQCCbdohbvDnDZHcZy1GGJ', ?, ?, ?)""";

    private static final String LEDGER_INSERT = """
            INSERT INTO ledger_entries (user_id, asset, amount_minor, entry_type, source, source_ref, transaction_id, reason, created_at)
            VALUES (?, 'USD', ?, 'deposit_credit', 'deposit', ?, ?, 'seeded by the benchmark', ?)""";

    private static void bindDeposit(PreparedStatement st, long id, long user, Instant created, String paymentId, String orderId,
                                    boolean settled) throws SQLException {
        st.setLong(1, id);
        st.setLong(2, user);
        st.setLong(3, AMOUNT_MINOR);
        st.setString(4, settled ? "completed" : "pending");
        st.setString(5, orderId);
        st.setString(6, created.toString());
        st.setString(7, created.toString());
        st.setString(8, settled ? "10" : null);
        st.setLong(9, settled ? AMOUNT_MINOR : 0);
        st.setString(10, paymentId);
        st.setString(11, orderId);
        st.setString(12, created.plus(Duration.ofHours(settled ? 0 : 2)).toString());
        st.setString(13, settled ? "finished" : "waiting");
        st.setString(14, created.plus(Duration.ofDays(7)).toString());
    }

    private static void bindLedger(PreparedStatement st, long id, long user, Instant created) throws SQLException {
        st.setLong(1, user);
        st.setLong(2, AMOUNT_MINOR);
        st.setString(3, "txn:" + id + ":to:" + AMOUNT_MINOR);
        st.setLong(4, id);
        st.setString(5, created.toString());
    }

    private long nextTransactionId() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM transactions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work w) throws SQLException {
        if (postgres) {
            c.setAutoCommit(false);
            try {
                w.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                w.run();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Rows in one of the suite's known tables. */
    public long count(String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Folds the WAL into the main file so a plain copy of it is a complete snapshot. */
    public void checkpoint() throws SQLException {
        if (postgres) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
