package com.arbdesk.deposit;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ipn_events table: every IPN as received, then the verdict of acting on it. */
public final class IpnEventDao {
    private static final String COLUMNS =
            "id, received_at, remote_address, signature, body, payment_id, provider_status, verdict, detail, transaction_id";

    /** A stored IPN. */
    public record IpnEvent(long id, Instant receivedAt, String remoteAddress, String signature, String body,
                           String paymentId, String providerStatus, IpnVerdict verdict, String detail, Long transactionId) {
    }

    /** An IPN as it arrived: the raw body and what it claims (payment id, status), for its log row. */
    public record Received(Instant at, String remoteAddress, String signature, String body, String paymentId, String providerStatus) {
    }

    public long insert(Connection c, Received r, IpnVerdict verdict, String detail) throws SQLException {
        return insert(c, r.at(), r.remoteAddress(), r.signature(), r.body(), r.paymentId(), r.providerStatus(), verdict, detail);
    }

    public long insert(Connection c, Instant at, String remote, String signature, String body, String paymentId,
                       String providerStatus, IpnVerdict verdict, String detail) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO ipn_events (received_at, remote_address, signature, body, payment_id, provider_status, verdict, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setString(1, at.toString());
            st.setString(2, remote);
            st.setString(3, signature);
            st.setString(4, body);
            st.setString(5, paymentId);
            st.setString(6, providerStatus);
            st.setString(7, verdict.wire());
            st.setString(8, detail);
        });
    }

    public void setVerdict(Connection c, long id, IpnVerdict verdict, String detail, Long transactionId) throws SQLException {
        Jdbc.update(c, "UPDATE ipn_events SET verdict = ?, detail = ?, transaction_id = COALESCE(?, transaction_id) WHERE id = ?",
                st -> {
                    st.setString(1, verdict.wire());
                    st.setString(2, detail);
                    Jdbc.setNullableLong(st, 3, transactionId);
                    st.setLong(4, id);
                });
    }

    /** Deletes the rows of this verdict older than its newest {@code keep}: the bound on sampled refused IPNs. */
    public void trim(Connection c, IpnVerdict verdict, int keep) throws SQLException {
        Jdbc.update(c, """
                DELETE FROM ipn_events WHERE verdict = ? AND id <= (
                  SELECT id FROM ipn_events WHERE verdict = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                """, st -> {
            st.setString(1, verdict.wire());
            st.setString(2, verdict.wire());
            st.setInt(3, keep);
        });
    }

    /**
     * Deletes the rows of this verdict received before {@code before}. Only ever called for refused IPNs, which
     * no deposit row references; the caller names the verdict, so a valid IPN can never match.
     */
    public int deleteBefore(Connection c, IpnVerdict verdict, Instant before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM ipn_events WHERE verdict = ? AND received_at < ?", st -> {
            st.setString(1, verdict.wire());
            st.setString(2, before.toString());
        });
    }

    public Optional<IpnEvent> find(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM ipn_events WHERE id = ?", st -> st.setLong(1, id), IpnEventDao::map);
    }

    /**
     * The log, newest first, optionally of one verdict and one deposit. Why the statement is chosen per filter:
     * {@code (? IS NULL OR verdict = ?)} cannot use an index, so it scanned the whole log; each fixed variant
     * walks its index (verdict, id), (transaction_id) or the primary key in order and stops at the limit.
     */
    public List<IpnEvent> recent(Connection c, IpnVerdict verdict, Long transactionId, int limit, int offset) throws SQLException {
        String where = verdict == null && transactionId == null ? ""
                : verdict == null ? " WHERE transaction_id = ?"
                : transactionId == null ? " WHERE verdict = ?" : " WHERE verdict = ? AND transaction_id = ?";
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM ipn_events" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", st -> {
            int i = 1;
            if (verdict != null) {
                st.setString(i++, verdict.wire());
            }
            if (transactionId != null) {
                st.setLong(i++, transactionId);
            }
            st.setInt(i++, limit);
            st.setInt(i, offset);
        }, IpnEventDao::map);
    }

    public long countSince(Connection c, Instant since, List<IpnVerdict> verdicts) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(verdicts.size(), "?"));
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM ipn_events WHERE received_at >= ? AND verdict IN (" + marks + ")", st -> {
            st.setString(1, since.toString());
            for (int i = 0; i < verdicts.size(); i++) {
                st.setString(i + 2, verdicts.get(i).wire());
            }
        }, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Empty when no IPN has arrived yet (MAX() would answer one NULL row, which queryOne cannot hold). */
    public Optional<Instant> lastReceived(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT received_at FROM ipn_events ORDER BY received_at DESC LIMIT 1", st -> { },
                rs -> StoredInstants.parse(rs.getString("received_at")));
    }

    private static IpnEvent map(ResultSet rs) throws SQLException {
        return new IpnEvent(rs.getLong("id"), StoredInstants.parse(rs.getString("received_at")), rs.getString("remote_address"),
                rs.getString("signature"), rs.getString("body"), rs.getString("payment_id"), rs.getString("provider_status"),
                IpnVerdict.fromWire(rs.getString("verdict")), rs.getString("detail"), Jdbc.nullableLong(rs, "transaction_id"));
    }
}
