package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar arbdesk.war restore BACKUP}: a backup taken while the app ran, restored into a fresh
 * instance's DATABASE_PATH (refused while that instance runs), starts with the ledger invariants holding and
 * every user's balance and deposits as they were; anything that is not an ArbDesk database is refused and
 * leaves the target as it was.
 */
class RestoreIT {
    static final String PASSWORD = "a long passphrase";
    static final Map<String, String> KEYS = Map.of("NOWPAYMENTS_API_KEY", BackupIT.KEY, "NOWPAYMENTS_IPN_SECRET", BackupIT.SECRET,
            "RECONCILE_AFTER_SECONDS", "3600");

    @Test
    void aBackupRestoresIntoAFreshInstanceWithItsBalancesAndDeposits() throws Exception {
        Path work = Files.createTempDirectory("arbdesk-restore-it-");
        Path backup = work.resolve("nightly.db");
        Map<String, String> balances = new LinkedHashMap<>();
        Map<String, String> deposits = new LinkedHashMap<>();
        Map<String, String> liveSettings = new java.util.HashMap<>(KEYS);
        // backup and restore work on SQLite files: naming the file keeps this test on SQLite in a -Ppostgres run
        liveSettings.put("DATABASE_PATH", work.resolve("live.db").toString());
        try (TestServer live = TestServer.start(liveSettings)) {
            TestClient admin = live.client().withBearer(live.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
            for (int i = 0; i < 4; i++) {
                String email = "restore-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                TestClient user = live.client();
                user = user.withBearer(user.signup(email, PASSWORD));
                for (int d = 0; d < 2; d++) {
                    TestClient.Res r = user.postJson("/api/deposits/create",
                            "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"" + (30 + 10 * i + d) + ".00\",\"mode\":\"payment\"}");
                    assertEquals(201, r.status(), r.body());
                    if (d == 0) { // one credited deposit and one still pending per user
                        assertEquals(200, BackupIT.send(live, BackupIT.finishedIpn(admin, r.json())));
                    }
                }
                balances.put(email, user.get("/api/me").json().path("balance_usd").asText());
                deposits.put(email, user.get("/api/deposits").body());
            }
            assertTrue(balances.values().stream().noneMatch("0.00"::equals), "every user was credited: " + balances);
            Process p = TestServer.launch(Map.of(), work.resolve("backup.log"), work, "backup", backup.toString(),
                    "--database", live.databasePath().toString());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(work.resolve("backup.log")));
        }

        Path data = work.resolve("fresh");
        Path db = data.resolve("arbdesk.db");
        Map<String, String> settings = new java.util.HashMap<>(KEYS);
        settings.put("DATABASE_PATH", db.toString());
        try (TestServer fresh = TestServer.start(settings)) {
            assertEquals(1, restore(work, backup, db), "refused while the instance runs");
            assertTrue(Files.readString(work.resolve("restore.log")).contains("stop ArbDesk first"), Files.readString(work.resolve("restore.log")));
            assertEquals(0, fresh.ledger().count("SELECT COUNT(*) FROM users WHERE email LIKE 'restore-%'"),
                    "the running instance's database is untouched");
        }
        assertEquals(0, restore(work, backup, db), Files.readString(work.resolve("restore.log")));
        assertTrue(Files.readString(work.resolve("restore.log")).contains("integrity ok"));
        assertTrue(Files.isRegularFile(DatabaseRestore.beforeRestore(db)), "the replaced database is kept");

        try (TestServer restored = TestServer.start(settings)) {
            restored.ledger().assertHold();
            assertEquals(4, restored.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit' AND status = 'completed'"));
            for (Map.Entry<String, String> e : balances.entrySet()) {
                TestClient user = restored.client();
                user = user.withBearer(user.login(e.getKey(), PASSWORD));
                assertEquals(e.getValue(), user.get("/api/me").json().path("balance_usd").asText(), e.getKey());
                assertEquals(deposits.get(e.getKey()), user.get("/api/deposits").body(), e.getKey() + "'s deposits");
            }
        }

        Files.writeString(db, "a damaged database, the usual reason to restore"); // unreadable: still replaced, still kept
        assertEquals(0, restore(work, backup, db), Files.readString(work.resolve("restore.log")));
        assertTrue(Files.readString(work.resolve("restore.log")).contains("cannot be read"), Files.readString(work.resolve("restore.log")));
        assertEquals("a damaged database, the usual reason to restore", Files.readString(DatabaseRestore.beforeRestore(db)));
        assertEquals(Files.size(backup), Files.size(db), "the backup is in place");
        TestServer.deleteTree(work);
    }

    @Test
    void somethingThatIsNotAnArbDeskDatabaseIsRefusedAndChangesNothing() throws Exception {
        Path work = Files.createTempDirectory("arbdesk-restore-bad-");
        Path db = work.resolve("arbdesk.db");
        Files.writeString(db, "the current database (a stand-in)");
        Path garbage = work.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database at all, just some text long enough to look like a file".repeat(50));
        Path foreign = work.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        }
        try {
            for (Path bad : new Path[] {garbage, foreign, work.resolve("missing.db")}) {
                assertEquals(1, restore(work, bad, db), bad + ": " + Files.readString(work.resolve("restore.log")));
                assertEquals("the current database (a stand-in)", Files.readString(db), bad + " changed nothing");
                assertTrue(!Files.exists(DatabaseRestore.beforeRestore(db)) && !Files.exists(work.resolve("arbdesk.db.restoring")));
            }
            assertTrue(Files.readString(work.resolve("restore.log")).contains("no backup at"));
        } finally {
            TestServer.deleteTree(work);
        }
    }

    private static int restore(Path work, Path backup, Path db) throws Exception {
        Process p = TestServer.launch(Map.of(), work.resolve("restore.log"), work, "restore", backup.toString(), "--database", db.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the restore finished");
        return p.exitValue();
    }
}
