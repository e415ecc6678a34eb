package com.arbdesk.deposit;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The deposit rows of the transactions table and their status timeline. */
public final class DepositDao {
    /**
     * The owner's email comes from a scalar subquery, not a JOIN: with SQLite's driver the JOIN made a row by id
     * cost about 33 µs against 3 µs (measured over 150k rows), and the deposit row is read on every IPN and the
     * transaction rows on every dashboard.
     */
    private static final String SELECT = """
            SELECT t.id, t.user_id, (SELECT u.email FROM users u WHERE u.id = t.user_id) AS email, t.mode, t.amount_usd_minor, t.status, t.crypto_currency, t.network,
                   t.pay_currency, t.pay_amount_text, t.actually_paid_text, t.actually_paid_fiat_text, t.credited_minor, t.payment_id, t.order_id,
                   t.invoice_id, t.invoice_url, t.pay_address, t.payin_extra_id, t.payin_hash, t.expires_at, t.valid_until, t.provider_status, t.flags,
                   t.failure_reason, t.parent_transaction_id, t.created_at, t.updated_at, t.next_check_at_ms,
                   t.check_step, t.last_checked_at, t.watch_until, t.unwatched_at
            FROM transactions t
            WHERE t.type = 'deposit'
            """;

    /** A new pending deposit; its order id names the user and the row, so it is unique and traceable. */
    public long insertPending(Connection c, long userId, DepositMode mode, Money amountUsd, DepositCurrency option,
                              Long parentId, Instant now) throws SQLException {
        long id = Jdbc.insert(c, """
                INSERT INTO transactions (user_id, type, amount_usd_minor, status, description, created_at, updated_at,
                                          mode, crypto_currency, network, pay_currency, payment_provider, parent_transaction_id)
                VALUES (?, 'deposit', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nowpayments', ?)
                """, st -> {
            st.setLong(1, userId);
            st.setLong(2, amountUsd.toMinor());
            st.setString(3, DepositStatus.PENDING.wire());
            st.setString(4, option.currency() + " deposit on " + option.networkName());
            st.setString(5, now.toString());
            st.setString(6, now.toString());
            st.setString(7, mode.wire());
            st.setString(8, option.currency());
            st.setString(9, option.network());
            st.setString(10, option.ticker());
            Jdbc.setNullableLong(st, 11, parentId);
        });
        Jdbc.update(c, "UPDATE transactions SET order_id = ?, reference = ? WHERE id = ?", st -> {
            st.setString(1, "deposit_" + userId + "_" + id);
            st.setString(2, "deposit_" + userId + "_" + id);
            st.setLong(3, id);
        });
        return id;
    }

    /** What the provider answered on create. */
    public record ProviderAnswer(String paymentId, String invoiceId, String invoiceUrl, String payAddress, String payinExtraId,
                                 String payAmount, Instant expiresAt, Instant validUntil, String providerStatus,
                                 String rawResponse) {
    }

    public void attachProvider(Connection c, long id, ProviderAnswer a, Instant now) throws SQLException {
        Jdbc.update(c, """
                UPDATE transactions SET payment_id = ?, invoice_id = ?, invoice_url = ?, pay_address = ?, payin_extra_id = ?,
                       pay_amount_text = ?, expires_at = ?, valid_until = ?, provider_status = ?, provider_response = ?,
                       updated_at = ?
                WHERE id = ? AND type = 'deposit'
                """, st -> {
            st.setString(1, a.paymentId());
            st.setString(2, a.invoiceId());
            st.setString(3, a.invoiceUrl());
            st.setString(4, a.payAddress());
            st.setString(5, a.payinExtraId());
            st.setString(6, a.payAmount());
            st.setString(7, text(a.expiresAt()));
            st.setString(8, text(a.validUntil()));
            st.setString(9, a.providerStatus());
            st.setString(10, a.rawResponse());
            st.setString(11, now.toString());
            st.setLong(12, id);
        });
    }

    /** The state after applying a provider update; provider fields only ever fill in (COALESCE), amounts reported move. */
    public record State(DepositStatus status, String providerStatus, String paymentId, String payAddress, String payinExtraId,
                        String payinHash, String payAmount, String actuallyPaid, String actuallyPaidFiat, long creditedMinor,
                        Set<DepositFlag> flags, String failureReason) {
    }

    /** Written only inside the transaction that re-read the row. */
    /**
     * Writes the state onto {@code before} (the row as this transaction read it) and returns the row as written,
     * without reading it back: the same COALESCE rules as the UPDATE, applied in memory. {@code DepositDaoTest}
     * checks it equals the row read back.
     */
    public Deposit updateState(Connection c, Deposit before, State s, Instant now) throws SQLException {
        updateState(c, before.id(), s, now);
        Deposit d = before;
        return new Deposit(d.id(), d.userId(), d.userEmail(), d.mode(), d.amountUsd(), s.status(), d.currency(), d.network(),
                d.payCurrency(), first(d.payAmount(), s.payAmount()), s.actuallyPaid(), first(s.actuallyPaidFiat(), d.actuallyPaidFiat()),
                Money.ofMinor(Asset.USD, s.creditedMinor()), first(d.paymentId(), s.paymentId()), d.orderId(), d.invoiceId(),
                d.invoiceUrl(), first(d.payAddress(), s.payAddress()), first(d.payinExtraId(), s.payinExtraId()),
                first(s.payinHash(), d.payinHash()), d.expiresAt(), d.validUntil(), s.providerStatus(), s.flags(), s.failureReason(),
                d.parentId(), d.createdAt(), Instant.parse(now.toString()), d.watch());
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    public void updateState(Connection c, long id, State s, Instant now) throws SQLException {
        Jdbc.update(c, """
                UPDATE transactions SET status = ?, provider_status = ?, payment_id = COALESCE(payment_id, ?),
                       pay_address = COALESCE(pay_address, ?), payin_extra_id = COALESCE(payin_extra_id, ?),
                       payin_hash = COALESCE(?, payin_hash), pay_amount_text = COALESCE(pay_amount_text, ?),
                       actually_paid_text = ?, actually_paid_fiat_text = COALESCE(?, actually_paid_fiat_text),
                       credited_minor = ?, flags = ?, failure_reason = ?, updated_at = ?
                WHERE id = ? AND type = 'deposit'
                """, st -> {
            st.setString(1, s.status().wire());
            st.setString(2, s.providerStatus());
            st.setString(3, s.paymentId());
            st.setString(4, s.payAddress());
            st.setString(5, s.payinExtraId());
            st.setString(6, s.payinHash());
            st.setString(7, s.payAmount());
            st.setString(8, s.actuallyPaid());
            st.setString(9, s.actuallyPaidFiat());
            st.setLong(10, s.creditedMinor());
            st.setString(11, DepositFlag.toCsv(s.flags()));
            st.setString(12, s.failureReason());
            st.setString(13, now.toString());
            st.setLong(14, id);
        });
    }

    /** A refreshed quote: the amount to send now and until when it holds. */
    public void updateQuote(Connection c, long id, String payAmount, Instant expiresAt, Instant now) throws SQLException {
        Jdbc.update(c, """
                UPDATE transactions SET pay_amount_text = ?, expires_at = ?, updated_at = ? WHERE id = ? AND type = 'deposit'
                """, st -> {
            st.setString(1, payAmount);
            st.setString(2, text(expiresAt));
            st.setString(3, now.toString());
            st.setLong(4, id);
        });
    }

    public Optional<Deposit> findById(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " AND t.id = ?", st -> st.setLong(1, id), DepositDao::map);
    }

    /**
     * The deposit read by a transaction that is about to change it: on PostgreSQL the row stays locked until commit,
     * and a transaction that waited for the lock reads the row its rival committed (READ COMMITTED), so two
     * instances applying the same IPN move and credit it once. On SQLite the single writer already does that.
     */
    public Optional<Deposit> findForUpdate(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " AND t.id = ?" + Dialect.of(c).forUpdate("t"), st -> st.setLong(1, id),
                DepositDao::map);
    }

    /**
     * {@code found}, read in the current write transaction, as its row lock decides it. On SQLite the single writer
     * already excludes every other change, so the row read is the locked row; PostgreSQL re-reads it FOR UPDATE
     * (another instance may have moved it meanwhile). Call it only inside a write transaction.
     */
    public Deposit locked(Connection c, Deposit found) throws SQLException {
        return Dialect.of(c) == Dialect.SQLITE ? found : findForUpdate(c, found.id()).orElseThrow();
    }

    public Optional<Deposit> findByPaymentId(Connection c, String paymentId) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " AND t.payment_provider = 'nowpayments' AND t.payment_id = ?",
                st -> st.setString(1, paymentId), DepositDao::map);
    }

    public Optional<Deposit> findByOrderId(Connection c, String orderId) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " AND t.order_id = ?", st -> st.setString(1, orderId), DepositDao::map);
    }

    public Optional<Deposit> findByInvoiceId(Connection c, String invoiceId) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " AND t.invoice_id = ? AND t.parent_transaction_id IS NULL ORDER BY t.id LIMIT 1",
                st -> st.setString(1, invoiceId), DepositDao::map);
    }

    /**
     * Deposits for lists: optionally one user's, one status, one currency, or only flagged ones. Why two statements:
     * {@code (? IS NULL OR user_id = ?)} cannot use an index, so one user's list (the dashboard's, on every load)
     * walked and sorted every deposit; with the user named it walks that user's index (user_id, created_at, id) in
     * order and stops at the limit, without it the (created_at, id) index in order.
     */
    public List<Deposit> list(Connection c, Long userId, String status, String currency, boolean flaggedOnly, int limit,
                              int offset) throws SQLException {
        String filters = """
                 AND (? IS NULL OR t.status = ?) AND (? IS NULL OR t.crypto_currency = ?) AND (? = 0 OR t.flags <> '')
                ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?
                """;
        String sql = userId == null ? SELECT + filters : SELECT + " AND t.user_id = ?" + filters;
        return Jdbc.query(c, sql, st -> {
            int i = 1;
            if (userId != null) {
                st.setLong(i++, userId);
            }
            st.setString(i++, status);
            st.setString(i++, status);
            st.setString(i++, currency);
            st.setString(i++, currency);
            st.setInt(i++, flaggedOnly ? 1 : 0);
            st.setInt(i++, limit);
            st.setInt(i, offset);
        }, DepositDao::map);
    }

    /** Deposits whose watch window ended while they were unsettled, the most recently dropped first. */
    public List<Deposit> unwatched(Connection c, int limit, int offset) throws SQLException {
        return Jdbc.query(c, SELECT + """
                 AND t.unwatched_at IS NOT NULL ORDER BY t.unwatched_at DESC, t.id DESC LIMIT ? OFFSET ?
                """, st -> {
            st.setInt(1, limit);
            st.setInt(2, offset);
        }, DepositDao::map);
    }

    /** One step of a deposit's timeline. */
    public record Event(long id, Instant at, String fromStatus, String toStatus, String providerStatus, String source,
                        long creditedMinor, String note, Long ipnEventId) {
    }

    /** A timeline step; {@code from} is null for the first. Statuses and the source are stored in their wire form. */
    public void insertEvent(Connection c, long depositId, Instant at, DepositStatus from, DepositStatus to, String providerStatus,
                            UpdateSource source, long creditedMinor, String note, Long ipnEventId) throws SQLException {
        Jdbc.insert(c, """
                INSERT INTO deposit_events (transaction_id, at, from_status, to_status, provider_status, source,
                                            credited_minor, note, ipn_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setLong(1, depositId);
            st.setString(2, at.toString());
            st.setString(3, from == null ? null : from.wire());
            st.setString(4, to.wire());
            st.setString(5, providerStatus);
            st.setString(6, source.wire());
            st.setLong(7, creditedMinor);
            st.setString(8, note);
            Jdbc.setNullableLong(st, 9, ipnEventId);
        });
    }

    public List<Event> events(Connection c, long depositId) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, at, from_status, to_status, provider_status, source, credited_minor, note, ipn_event_id
                FROM deposit_events WHERE transaction_id = ? ORDER BY id
                """, st -> st.setLong(1, depositId), rs -> new Event(rs.getLong("id"), StoredInstants.parse(rs.getString("at")),
                rs.getString("from_status"), rs.getString("to_status"), rs.getString("provider_status"), rs.getString("source"),
                rs.getLong("credited_minor"), rs.getString("note"), Jdbc.nullableLong(rs, "ipn_event_id")));
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : StoredInstants.parse(s);
    }

    /**
     * A row of {@link #SELECT}, read by position in its column order. Why not by name: SQLite's driver builds a
     * name-to-index map for every result set, and for these 33 columns that cost more than the query itself on the
     * IPN path (measured: ~50 µs per row). {@code DepositDaoTest} reads every column back.
     */
    private static Deposit map(ResultSet rs) throws SQLException {
        Long next = Jdbc.nullableLong(rs, 29);
        Deposit.Watch watch = new Deposit.Watch(next == null ? null : Instant.ofEpochMilli(next), rs.getInt(30),
                instant(rs, 31), instant(rs, 32), instant(rs, 33));
        return new Deposit(rs.getLong(1), rs.getLong(2), rs.getString(3),
                DepositMode.parse(rs.getString(4)).orElse(null),
                Money.ofMinor(Asset.USD, rs.getLong(5)), DepositStatus.fromWire(rs.getString(6)),
                rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12),
                Money.ofMinor(Asset.USD, rs.getLong(13)), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20),
                instant(rs, 21), instant(rs, 22), rs.getString(23),
                DepositFlag.parseCsv(rs.getString(24)), rs.getString(25),
                Jdbc.nullableLong(rs, 26), StoredInstants.parse(rs.getString(27)),
                StoredInstants.parse(rs.getString(28)), watch);
    }
}
