package com.arbdesk.realtime;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Tx;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Used socket-token jtis in the database several instances share (used_socket_tokens, V017): the first insert of
 * a jti wins, so a token consumed on one instance cannot open a socket on another. Expired rows are deleted now
 * and then by the inserts themselves.
 */
public final class SharedUsedTokens implements WsTokens.UsedTokens {
    private static final int PRUNE_EVERY = 256;
    private final Tx tx;
    private final AtomicLong inserts = new AtomicLong();

    public SharedUsedTokens(Tx tx) {
        this.tx = tx;
    }

    @Override
    public boolean firstUse(String jti, Instant expiresAt) {
        boolean prune = inserts.incrementAndGet() % PRUNE_EVERY == 0;
        return tx.inTransaction(c -> {
            if (prune) {
                Jdbc.update(c, "DELETE FROM used_socket_tokens WHERE expires_at_ms < ?", st -> st.setLong(1, Instant.now().toEpochMilli()));
            }
            return Jdbc.update(c, "INSERT INTO used_socket_tokens (jti, expires_at_ms) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING", st -> {
                st.setString(1, jti);
                st.setLong(2, expiresAt.toEpochMilli());
            }) == 1;
        });
    }
}
