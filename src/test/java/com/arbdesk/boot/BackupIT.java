package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar arbdesk.war backup FILE} while a stream of genuine (signed) IPNs credits deposits:
 * each copy, started in a fresh instance (the documented restore: the copy becomes DATABASE_PATH),
 * holds the ledger invariants and is a consistent moment of the original, every credited deposit with
 * exactly its ledger entries.
 */
class BackupIT {
    static final String KEY = "backup-it-key";
    static final String SECRET = "backup-it-ipn-secret";
    static final int DEPOSITS = 24;
    static final String DEPOSIT_ENTRIES =
            "SELECT COUNT(*) FROM ledger_entries e JOIN transactions t ON t.id = e.transaction_id WHERE t.type = 'deposit'";
    static final String DEPOSITS_WITHOUT_IPN = "SELECT COUNT(*) FROM transactions t WHERE t.type = 'deposit'"
            + " AND t.status = 'completed' AND NOT EXISTS (SELECT 1 FROM ipn_events i WHERE i.transaction_id = t.id)";

    @Test
    void aBackupTakenDuringAStreamOfIpnsRestoresToAConsistentLedger() throws Exception {
        Path work = Files.createTempDirectory("arbdesk-backup-it-");
        List<Path> copies = new ArrayList<>();
        // the backup command copies SQLite files: this test names its file, so it stays on SQLite in a -Ppostgres run
        try (TestServer live = TestServer.start(Map.of("NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET,
                "RECONCILE_AFTER_SECONDS", "3600", "DATABASE_PATH", work.resolve("live.db").toString()))) {
            TestClient admin = live.client().withBearer(live.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
            List<Map<String, Object>> finished = new ArrayList<>();
            for (int i = 0; i < DEPOSITS; i++) {
                TestClient user = live.client();
                user.withBearer(user.signup("backup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                        "a long passphrase"));
                TestClient.Res r = user.postJson("/api/deposits/create",
                        "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"" + (20 + i) + ".00\",\"mode\":\"payment\"}");
                assertEquals(201, r.status(), r.body());
                finished.add(finishedIpn(admin, r.json()));
            }
            AtomicInteger credited = new AtomicInteger();
            Thread stream = new Thread(() -> {
                for (Map<String, Object> ipn : finished) {
                    Map<String, Object> confirming = new HashMap<>(ipn);
                    confirming.put("payment_status", "confirming");
                    confirming.put("actually_paid", "0");
                    send(live, confirming);
                    if (send(live, ipn) == 200) {
                        credited.incrementAndGet();
                    }
                    pause(250); // a stream over several seconds, so that backups run in the middle of it
                }
            });
            stream.start();
            int n = 0;
            while (stream.isAlive() || n < 2) {
                Path copy = work.resolve("backup-" + n + ".db");
                // the first copy names the database by DATABASE_PATH (as cron would), the others with --database
                Map<String, String> env = n == 0 ? Map.of("DATABASE_PATH", live.databasePath().toString(),
                        "ARBDESK_CONF", work.resolve("none.properties").toString()) : Map.of();
                String[] args = n == 0 ? new String[] {"backup", copy.toString()}
                        : new String[] {"backup", copy.toString(), "--database", live.databasePath().toString()};
                Path log = work.resolve("backup-" + n + ".log");
                Process p = TestServer.launch(env, log, work, args);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the backup finished");
                String out = Files.readString(log);
                assertEquals(0, p.exitValue(), out);
                assertTrue(out.contains("integrity ok"), out);
                copies.add(copy);
                n++;
            }
            stream.join();
            assertEquals(DEPOSITS, credited.get(), "every finished IPN was accepted");
            assertEquals(DEPOSITS, live.ledger().count(DEPOSIT_ENTRIES));
        }
        // the first copy (taken mid-stream), one from the middle and the last: each a fresh instance
        List<Path> restoring = List.of(copies.get(0), copies.get(copies.size() / 2), copies.get(copies.size() - 1));
        long fewest = Long.MAX_VALUE;
        for (Path copy : restoring) {
            Path restoreDir = Files.createTempDirectory("arbdesk-restore-");
            Path restored = restoreDir.resolve("arbdesk.db");
            Files.copy(copy, restored); // restore = stop, put the copy at DATABASE_PATH, start
            try (TestServer fresh = TestServer.start(Map.of("DATABASE_PATH", restored.toString(),
                    "NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET, "RECONCILE_AFTER_SECONDS", "3600"))) {
                fresh.ledger().assertHold();
                long completed = fresh.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit' AND status = 'completed'");
                long entries = fresh.ledger().count(DEPOSIT_ENTRIES);
                assertEquals(completed, entries, copy + ": one ledger entry per completed deposit, none half-applied");
                assertEquals(0, fresh.ledger().count(DEPOSITS_WITHOUT_IPN), copy + ": the IPN that credited each deposit is in the copy too");
                assertEquals(DEPOSITS, fresh.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit'"));
                TestClient admin = fresh.client().withBearer(fresh.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
                assertEquals(200, admin.get("/api/admin/users").status(), "the restored instance serves");
                fewest = Math.min(fewest, completed);
            } finally {
                TestServer.deleteTree(restoreDir);
            }
        }
        assertTrue(fewest < DEPOSITS, "the first copy was taken while IPNs were still arriving (it has " + fewest + " credits)");
        TestServer.deleteTree(work);
    }

    @Test
    void aMissingDatabaseIsAFailureAndCreatesNothing() throws Exception {
        Path work = Files.createTempDirectory("arbdesk-backup-missing-");
        Path log = work.resolve("out.log");
        Process p = TestServer.launch(Map.of(), log, work, "backup", work.resolve("copy.db").toString(),
                "--database", work.resolve("no-such.db").toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), Files.readString(log));
        assertFalse(Files.exists(work.resolve("no-such.db")), "no empty database was created");
        assertFalse(Files.exists(work.resolve("copy.db")));
        TestServer.deleteTree(work);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int send(TestServer server, Map<String, Object> fields) {
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(fields));
        return server.client().postJson("/api/nowpayments/ipn", body,
                Map.of("x-nowpayments-sig", IpnTestSigner.sign(SECRET, body))).status();
    }

    static Map<String, Object> finishedIpn(TestClient admin, JsonNode d) {
        long id = d.path("transaction_id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("payment_id", Long.parseLong(d.path("payment_id").asText()));
        m.put("payment_status", "finished");
        m.put("pay_address", d.path("pay_address").asText());
        m.put("price_amount", d.path("price_amount").asText());
        m.put("price_currency", "usd");
        m.put("pay_amount", d.path("pay_amount").asText());
        m.put("actually_paid", d.path("pay_amount").asText());
        m.put("pay_currency", d.path("pay_currency").asText());
        m.put("order_id", "deposit_" + admin.get("/api/admin/deposits/" + id).json().path("user_id").asText() + "_" + id);
        m.put("purchase_id", "1");
        return m;
    }
}
