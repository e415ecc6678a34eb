package com.arbdesk.realtime;

import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The live_events table: each user's stream of pushed events, numbered by seq. */
public final class LiveEventDao {
    /** The channel on which each append is announced to every instance (PostgreSQL NOTIFY, at commit). */
    public static final String CHANNEL = "arbdesk_live_events";

    /** One stored event; {@code id} orders all users' events by commit (one writer: insert order is commit order). */
    public record Stored(long id, long userId, long seq, String event, String data) {
    }

    /**
     * Appends to the user's stream with the next seq. Appends are serialised until commit (SQLite's single writer, or
     * a transaction lock on PostgreSQL), so seqs never collide and ids follow commit order on every instance.
     */
    public long append(Connection c, long userId, String event, String data, Instant now) throws SQLException {
        Dialect.of(c).lockStream(c, "live_events");
        long seq = Jdbc.queryOne(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM live_events WHERE user_id = ?",
                st -> st.setLong(1, userId), rs -> rs.getLong(1)).orElse(1L);
        long id = Jdbc.insert(c, "INSERT INTO live_events (user_id, seq, event, data, created_at) VALUES (?, ?, ?, ?, ?)", st -> {
            st.setLong(1, userId);
            st.setLong(2, seq);
            st.setString(3, event);
            st.setString(4, data);
            st.setString(5, now.toString());
        });
        // other instances deliver the row to the sockets they hold: the payload is the row id, then the user's seq
        Dialect.of(c).notify(c, CHANNEL, id + ":" + userId + ":" + seq);
        return seq;
    }

    /** Events after {@code seq}, oldest first; at most {@code limit}. */
    public List<Stored> after(Connection c, long userId, long seq, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT id, user_id, seq, event, data FROM live_events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                st -> {
                    st.setLong(1, userId);
                    st.setLong(2, seq);
                    st.setInt(3, limit);
                }, LiveEventDao::stored);
    }

    /** Every user's events stored after the one with {@code id}, in commit order; at most {@code limit}. */
    public List<Stored> afterId(Connection c, long id, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT id, user_id, seq, event, data FROM live_events WHERE id > ? ORDER BY id LIMIT ?",
                st -> {
                    st.setLong(1, id);
                    st.setInt(2, limit);
                }, LiveEventDao::stored);
    }

    /** The id of the newest stored event (0 when none). */
    public long lastId(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COALESCE(MAX(id), 0) FROM live_events", st -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    private static Stored stored(java.sql.ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    /** The oldest seq still kept for the user (0 when none). */
    public long oldestSeq(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COALESCE(MIN(seq), 0) FROM live_events WHERE user_id = ?", st -> st.setLong(1, userId),
                rs -> rs.getLong(1)).orElse(0L);
    }

    public long latestSeq(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COALESCE(MAX(seq), 0) FROM live_events WHERE user_id = ?", st -> st.setLong(1, userId),
                rs -> rs.getLong(1)).orElse(0L);
    }

    /** Drops old events but always keeps each user's latest, so seq numbers never restart lower. */
    public int pruneBefore(Connection c, Instant cutoff) throws SQLException {
        return Jdbc.update(c, """
                DELETE FROM live_events
                WHERE created_at < ? AND seq < (SELECT MAX(e.seq) FROM live_events e WHERE e.user_id = live_events.user_id)
                """, st -> st.setString(1, cutoff.toString()));
    }
}
