package com.arbdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reference's one write transaction per genuine IPN, on the app's schema: BEGIN IMMEDIATE, store the
 * raw IPN, complete the deposit, insert its ledger row, COMMIT. One connection behind a fair lock (one writer).
 */
public final class ReferenceStore implements AutoCloseable {
    /** The deposit an IPN completed, or null for an unknown payment. */
    public record Applied(long transactionId, long userId, long creditedMinor) {
    }

    private final ReentrantLock writer = new ReentrantLock(true);
    private final Connection c;
    private final PreparedStatement find;
    private final PreparedStatement logIpn;
    private final PreparedStatement complete;
    private final PreparedStatement credit;

    public ReferenceStore(String dbPath) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + dbPath);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA foreign_keys=ON");
        }
        find = c.prepareStatement("""
                SELECT id, user_id, amount_usd_minor, credited_minor FROM transactions
                WHERE type = 'deposit' AND payment_provider = 'nowpayments' AND payment_id = ?""");
        logIpn = c.prepareStatement("""
                INSERT INTO ipn_events (received_at, remote_address, signature, body, payment_id, provider_status, verdict, transaction_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        complete = c.prepareStatement("""
                UPDATE transactions SET status = 'completed', provider_status = ?, actually_paid_text = ?, credited_minor = ?,
                       updated_at = ? WHERE id = ?""");
        credit = c.prepareStatement("""
                INSERT INTO ledger_entries (user_id, asset, amount_minor, entry_type, source, source_ref, transaction_id, reason, created_at)
                VALUES (?, 'USD', ?, 'deposit_credit', 'deposit', ?, ?, 'reference', ?)
                ON CONFLICT (source, source_ref, entry_type) DO NOTHING""");
    }

    /** Applies one verified IPN in one transaction; returns what it completed. */
    public Applied apply(String paymentId, String status, String actuallyPaid, String rawBody, String signature,
                         String remote) throws SQLException {
        writer.lock();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                Applied a = applyInTransaction(paymentId, status, actuallyPaid, rawBody, signature, remote);
                s.execute("COMMIT");
                return a;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } finally {
            writer.unlock();
        }
    }

    private Applied applyInTransaction(String paymentId, String status, String actuallyPaid, String rawBody, String signature,
                                       String remote) throws SQLException {
        String now = Instant.now().toString();
        Applied applied = null;
        find.setString(1, paymentId);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                applied = new Applied(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                long already = rs.getLong(4);
                if (applied.creditedMinor() > already) {
                    complete.setString(1, status);
                    complete.setString(2, actuallyPaid);
                    complete.setLong(3, applied.creditedMinor());
                    complete.setString(4, now);
                    complete.setLong(5, applied.transactionId());
                    complete.executeUpdate();
                    credit.setLong(1, applied.userId());
                    credit.setLong(2, applied.creditedMinor() - already);
                    credit.setString(3, "txn:" + applied.transactionId() + ":to:" + applied.creditedMinor());
                    credit.setLong(4, applied.transactionId());
                    credit.setString(5, now);
                    credit.executeUpdate();
                }
            }
        }
        logIpn.setString(1, now);
        logIpn.setString(2, remote);
        logIpn.setString(3, signature);
        logIpn.setString(4, rawBody);
        logIpn.setString(5, paymentId);
        logIpn.setString(6, status);
        logIpn.setString(7, applied == null ? "unknown_payment" : "applied");
        if (applied == null) {
            logIpn.setNull(8, java.sql.Types.INTEGER);
        } else {
            logIpn.setLong(8, applied.transactionId());
        }
        logIpn.executeUpdate();
        return applied;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
