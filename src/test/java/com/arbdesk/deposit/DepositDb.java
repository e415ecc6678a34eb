package com.arbdesk.deposit;

import com.arbdesk.core.Money;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.ledger.LedgerDao;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionDao;
import com.arbdesk.nowpayments.Payment;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A temporary SQLite file with every migration applied and the real money core over it, wired as
 * boot.App wires it (DepositUpdater, LedgerService, the DAOs, ReconcileSchedule), on a test clock:
 * in-process tests of crediting without a server.
 */
final class DepositDb implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final TestClock clock = new TestClock(T0);
    final Database db;
    final Tx tx;
    final DepositDao deposits = new DepositDao();
    final IpnEventDao ipns = new IpnEventDao();
    final EventBus events = new EventBus();
    final List<Object> published = new CopyOnWriteArrayList<>();
    final LedgerService ledger;
    final DepositUpdater updater;

    DepositDb(Path dir) {
        db = Database.open(dir.resolve("arbdesk.db"), 2);
        Migrations.apply(db);
        tx = new Tx(db);
        events.afterCommit(Object.class, published::add);
        ledger = new LedgerService(tx, new LedgerDao(), new TransactionDao(), events, clock);
        ReconcileSchedule schedule = new ReconcileSchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofHours(1)), Duration.ofMinutes(1), Duration.ofDays(1));
        updater = new DepositUpdater(tx, deposits, new DepositWatchDao(), schedule, ipns, ledger, events, false, clock);
    }

    long user(String email) {
        return tx.inTransaction(c -> Jdbc.insert(c, """
                INSERT INTO users (email, password_hash, role, created_at) VALUES (?, 'x', 'USER', ?)
                """, st -> {
            st.setString(1, email);
            st.setString(2, clock.instant().toString());
        }));
    }

    /** A BTC payment deposit at the provider: {@code price} USD quoted as {@code payAmount} BTC, the quote lapsing in 20 minutes. */
    Deposit pending(long userId, String price, String payAmount, String paymentId) {
        DepositCurrency btc = DepositCurrency.byTicker("btc").orElseThrow();
        return tx.inTransaction(c -> {
            long id = deposits.insertPending(c, userId, DepositMode.PAYMENT, Money.usd(price), btc, null, clock.instant());
            deposits.attachProvider(c, id, new DepositDao.ProviderAnswer(paymentId, null, null, "bc1qtest", null, payAmount,
                    clock.instant().plus(Duration.ofMinutes(20)), clock.instant().plus(Duration.ofDays(7)), "waiting", "{}"),
                    clock.instant());
            updater.scheduleNew(c, id);
            return deposits.findById(c, id).orElseThrow();
        });
    }

    Deposit reload(Deposit d) {
        return tx.read(c -> deposits.findById(c, d.id())).orElseThrow();
    }

    /** What the provider says about the deposit's payment: its status word and what arrived (null: nothing reported). */
    static Payment payment(Deposit d, String status, String actuallyPaid, Instant updatedAt) {
        return new Payment(d.paymentId(), status, d.payAddress(), null, d.amountUsd().amount(), "usd", new BigDecimal(d.payAmount()),
                d.payCurrency(), actuallyPaid == null ? null : new BigDecimal(actuallyPaid), null, null, null, d.orderId(), null, null,
                null, null, null, d.createdAt(), updatedAt, null, null, List.of(), null, "{\"payment_status\":\"" + status + "\"}");
    }

    /** A verified IPN as IpnIntake stores it before applying, so an update can be applied (and replayed) under its id. */
    long storedIpn(Payment p) {
        return tx.inTransaction(c -> ipns.insert(c, clock.instant(), "127.0.0.1", "sig", p.rawJson(), p.paymentId(), p.status(),
                IpnVerdict.RECEIVED, null));
    }

    long count(String sql, Object... args) {
        return tx.read(c -> Jdbc.queryOne(c, sql, st -> {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
        }, rs -> rs.getLong(1)).orElseThrow());
    }

    /** The user's balance summed straight from the ledger table, in cents. */
    long ledgerSumMinor(long userId) {
        return count("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE user_id = ?", userId);
    }

    long entries(Deposit d) {
        return count("SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = ?", d.id());
    }

    @Override
    public void close() {
        db.close();
    }
}
