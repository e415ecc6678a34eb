package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat's batched reads: which sessions and users are still usable, over more ids than one IN list binds. */
class SessionDaoBatchTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stillOpenLeavesOutRevokedExpiredUnknownAndDisabledUsersSessionsAcrossChunks() throws Exception {
        Database db = Database.open(dir.resolve("batch.db"), 1);
        try {
            Migrations.apply(db);
            check(db);
        } finally {
            db.close();
        }
    }

    /** The checks, on a migrated database of either kind ({@code SessionDaoBatchIT} runs them on PostgreSQL). */
    static void check(Database db) throws Exception {
        SessionDao sessions = new SessionDao();
        UserDao users = new UserDao();
        try (Connection c = db.dataSource().getConnection()) {
            long alice = users.insert(c, "alice@example.com", "h", Role.USER, NOW);
            long bob = users.insert(c, "bob@example.com", "h", Role.USER, NOW);
            users.updateDisabled(c, bob, true);
            List<String> asked = new ArrayList<>();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < Jdbc.IN_CHUNK + 20; i++) { // two chunks
                String id = "open-" + i;
                sessions.insert(c, new SessionRecord(id, alice, NOW.minusSeconds(60), NOW.plusSeconds(3600), null, "ua", "127.0.0.1"));
                asked.add(id);
                expected.add(id);
            }
            sessions.insert(c, new SessionRecord("revoked", alice, NOW.minusSeconds(60), NOW.plusSeconds(3600), null, "ua", "127.0.0.1"));
            sessions.revoke(c, "revoked", RevokeReason.LOGOUT, NOW);
            sessions.insert(c, new SessionRecord("expired", alice, NOW.minusSeconds(7200), NOW.minusSeconds(1), null, "ua", "127.0.0.1"));
            sessions.insert(c, new SessionRecord("disabled-user", bob, NOW.minusSeconds(60), NOW.plusSeconds(3600), null, "ua", "127.0.0.1"));
            asked.addAll(List.of("revoked", "expired", "disabled-user", "never-existed"));

            assertEquals(expected, sessions.stillOpen(c, asked, NOW));
            assertEquals(Set.of(), sessions.stillOpen(c, List.of(), NOW));
            assertEquals(Set.of(alice), users.enabledAmong(c, List.of(alice, bob, 999_999L)));
        }
    }
}
