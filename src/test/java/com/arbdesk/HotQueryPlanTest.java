package com.arbdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.SessionDao;
import com.arbdesk.auth.UserDao;
import com.arbdesk.core.Asset;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.deposit.DepositDao;
import com.arbdesk.deposit.DepositWatchDao;
import com.arbdesk.deposit.IpnEventDao;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.ledger.LedgerDao;
import com.arbdesk.ledger.TransactionDao;
import com.arbdesk.realtime.LiveEventDao;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DAO query on the hot paths (IPN intake, dashboard and deposit list, live delivery, sessions, the
 * reconciler, the back office lists) runs EXPLAIN QUERY PLAN over a migrated temp database: none may scan a
 * table or sort its rows in a temp B-tree, so costs stay flat from 1k to 100k deposits. An ordered walk of an
 * index ("SCAN x USING INDEX") or of the primary key of an unfiltered list, stopped by the LIMIT, is allowed; a
 * full table scan is not.
 */
class HotQueryPlanTest {
    @TempDir
    Path dir;

    /** The SQL each DAO call prepares, recorded through a connection proxy so the DAOs' own text is what is checked. */
    private final Set<String> statements = new LinkedHashSet<>();

    @Test
    void noHotQueryScansATableOrSortsItsRows() throws Exception {
        Database db = Database.open(dir.resolve("plans.db"), 1);
        Migrations.apply(db);
        try (Connection real = db.dataSource().getConnection()) {
            Connection c = recording(real);
            Instant now = Instant.parse("2026-12-01T10:00:00Z");
            DepositDao deposits = new DepositDao();
            deposits.findById(c, 1);
            deposits.findByPaymentId(c, "5000");
            deposits.findByOrderId(c, "o-1");
            deposits.findByInvoiceId(c, "i-1");
            deposits.list(c, 1L, null, null, false, 5, 0);
            deposits.list(c, 1L, "completed", "btc", true, 5, 0);
            deposits.list(c, null, null, null, false, 50, 0);
            deposits.unwatched(c, 50, 0);
            deposits.events(c, 1);
            DepositWatchDao watch = new DepositWatchDao();
            watch.due(c, now, 50);
            watch.earliestCheck(c);
            LedgerDao ledger = new LedgerDao();
            ledger.balance(c, 1, Asset.USD);
            ledger.balances(c, List.of(1L, 2L), Asset.USD);
            ledger.forTransaction(c, 1);
            ledger.forUser(c, 1, 20);
            TransactionDao transactions = new TransactionDao();
            transactions.forUser(c, 1, 20, 0);
            transactions.countForUser(c, 1);
            transactions.recent(c, null, 50, 0);
            IpnEventDao ipns = new IpnEventDao();
            ipns.find(c, 1);
            ipns.recent(c, null, null, 50, 0);
            ipns.recent(c, IpnVerdict.INVALID_SIGNATURE, null, 50, 0);
            ipns.recent(c, null, 1L, 50, 0);
            ipns.recent(c, IpnVerdict.APPLIED, 1L, 50, 0);
            ipns.countSince(c, now, List.of(IpnVerdict.MALFORMED));
            ipns.lastReceived(c);
            ipns.trim(c, IpnVerdict.INVALID_SIGNATURE, 1000);
            LiveEventDao live = new LiveEventDao();
            live.after(c, 1, 0, 100);
            live.afterId(c, 0, 100);
            live.lastId(c);
            live.oldestSeq(c, 1);
            live.latestSeq(c, 1);
            UserDao users = new UserDao();
            users.findById(c, 1);
            users.findByEmail(c, "a@example.com");
            users.adminIds(c);
            SessionDao sessions = new SessionDao();
            com.arbdesk.alerts.AlertRuleDao rules = new com.arbdesk.alerts.AlertRuleDao();
            rules.enabled(c); // every poll
            rules.byUser(c, 1);
            com.arbdesk.alerts.AlertFiringDao firings = new com.arbdesk.alerts.AlertFiringDao();
            firings.unread(c, 1); // every page
            firings.recent(c, 1, 50);
            com.arbdesk.alerts.WebhookDeliveryDao hooks = new com.arbdesk.alerts.WebhookDeliveryDao();
            hooks.due(c, now, 20);
            hooks.recent(c, 1, 50);
            sessions.stillOpen(c, List.of("s", "t"), now); // every heartbeat sweep, for all open sockets
            users.enabledAmong(c, List.of(1L, 2L));
            sessions.find(c, "s"); // sessions.open (the account page) sorts one user's few open sessions: not a hot path

            List<String> problems = new ArrayList<>();
            for (String sql : statements) {
                // an unfiltered list walking the primary key newest first is stopped by its LIMIT: SQLite calls it SCAN too
                boolean primaryKeyWalk = !sql.contains("WHERE") && sql.strip().endsWith("ORDER BY id DESC LIMIT ? OFFSET ?");
                for (String step : plan(real, sql)) {
                    boolean tableScan = step.startsWith("SCAN ") && !step.contains(" USING ") && !primaryKeyWalk;
                    if (tableScan || step.contains("TEMP B-TREE")) {
                        problems.add(step + "  <-  " + sql.strip().replaceAll("\\s+", " "));
                    }
                }
            }
            assertTrue(problems.isEmpty(), "hot queries that scan or sort a table:\n" + String.join("\n", problems));
        } finally {
            db.close();
        }
    }

    private Connection recording(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<String> plan(Connection c, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("EXPLAIN QUERY PLAN " + sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }
}
