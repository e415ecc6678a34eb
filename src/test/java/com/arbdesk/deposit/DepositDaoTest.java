package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deposit row is read by position: every column comes back into its own field, NULLs as null. */
class DepositDaoTest {
    @TempDir
    Path dir;

    private static void seed(Tx tx) {
        String flags = DepositFlag.toCsv(EnumSet.of(DepositFlag.LATE_PAYMENT, DepositFlag.NEEDS_REVIEW));
        tx.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO users (id, email, password_hash, role, created_at) VALUES (7, 'owner@x.test', 'h', 'USER', "
                    + "'2026-01-01T00:00:00Z')", st -> { });
            Jdbc.update(c, "INSERT INTO transactions (id, user_id, type, amount_usd_minor, status, description, created_at, updated_at) "
                    + "VALUES (1, 7, 'deposit', 100, 'pending', 'parent', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", st -> { });
            Jdbc.update(c, """
                    INSERT INTO transactions (id, user_id, type, amount_usd_minor, status, description, created_at, updated_at,
                        mode, crypto_currency, network, pay_currency, pay_amount_text, actually_paid_text, actually_paid_fiat_text,
                        credited_minor, payment_provider, payment_id, order_id, invoice_id, invoice_url, pay_address, payin_extra_id,
                        payin_hash, expires_at, valid_until, provider_status, flags, failure_reason, parent_transaction_id,
                        next_check_at_ms, check_step, last_checked_at, watch_until, unwatched_at)
                    VALUES (2, 7, 'deposit', 12345, ?, 'd', '2026-02-01T10:00:00Z', '2026-02-01T11:00:00Z',
                        ?, 'USDT', 'TRC20', 'usdttrc20', '12.5', '12.4', '12.3',
                        12000, 'nowpayments', 'pay-9', 'ord-9', 'inv-9', 'https://pay.test/i/9', 'TAddr', 'memo-9',
                        'hash-9', '2026-02-01T12:00:00Z', '2026-02-08T12:00:00Z', 'partially_paid', ?, 'why-9', 1,
                        1767225600000, 4, '2026-02-01T10:30:00Z', '2026-02-02T10:00:00Z', '2026-02-03T10:00:00Z')""", st -> {
                st.setString(1, DepositStatus.PARTIALLY_PAID.wire());
                st.setString(2, DepositMode.PAYMENT.wire());
                st.setString(3, flags);
            });
            return null;
        });
    }

    @Test
    void theRowUpdateStateReturnsIsTheRowReadBack() {
        try (Database db = Database.open(dir.resolve("state.db"), 1)) {
            Migrations.apply(db);
            Tx tx = new Tx(db);
            DepositDao dao = new DepositDao();
            seed(tx);
            Instant now = Instant.parse("2026-03-01T09:30:15.123456789Z");
            for (long id : new long[] {1, 2}) {
                // the full row keeps what COALESCE keeps; the parent, with its columns unset, takes the new values
                Deposit before = tx.read(c -> dao.findById(c, id)).orElseThrow();
                Deposit returned = tx.inTransaction(c -> dao.updateState(c, before, new DepositDao.State(DepositStatus.COMPLETED,
                        "finished", "pay-new-" + id, "TNew", "memo-new", "hash-new", "9.9", "9.8", "9.7", 9900,
                        EnumSet.of(DepositFlag.APPROVED), null), now));
                assertEquals(tx.read(c -> dao.findById(c, id)).orElseThrow(), returned, "deposit " + id);
            }
        }
    }

    @Test
    void everyColumnLandsInItsField() {
        try (Database db = Database.open(dir.resolve("dao.db"), 1)) {
            Migrations.apply(db);
            Tx tx = new Tx(db);
            DepositDao dao = new DepositDao();
            seed(tx);
            Deposit d = tx.read(c -> dao.findById(c, 2)).orElseThrow();
            assertEquals(2, d.id());
            assertEquals(7, d.userId());
            assertEquals("owner@x.test", d.userEmail());
            assertEquals(DepositMode.PAYMENT, d.mode());
            assertEquals(Money.ofMinor(Asset.USD, 12345), d.amountUsd());
            assertEquals(DepositStatus.PARTIALLY_PAID, d.status());
            assertEquals("USDT", d.currency());
            assertEquals("TRC20", d.network());
            assertEquals("usdttrc20", d.payCurrency());
            assertEquals("12.5", d.payAmount());
            assertEquals("12.4", d.actuallyPaid());
            assertEquals("12.3", d.actuallyPaidFiat());
            assertEquals(Money.ofMinor(Asset.USD, 12000), d.credited());
            assertEquals("pay-9", d.paymentId());
            assertEquals("ord-9", d.orderId());
            assertEquals("inv-9", d.invoiceId());
            assertEquals("https://pay.test/i/9", d.invoiceUrl());
            assertEquals("TAddr", d.payAddress());
            assertEquals("memo-9", d.payinExtraId());
            assertEquals("hash-9", d.payinHash());
            assertEquals(Instant.parse("2026-02-01T12:00:00Z"), d.expiresAt());
            assertEquals(Instant.parse("2026-02-08T12:00:00Z"), d.validUntil());
            assertEquals("partially_paid", d.providerStatus());
            assertEquals(EnumSet.of(DepositFlag.LATE_PAYMENT, DepositFlag.NEEDS_REVIEW), d.flags());
            assertEquals("why-9", d.failureReason());
            assertEquals(1L, d.parentId());
            assertEquals(Instant.parse("2026-02-01T10:00:00Z"), d.createdAt());
            assertEquals(Instant.parse("2026-02-01T11:00:00Z"), d.updatedAt());
            assertEquals(new Deposit.Watch(Instant.ofEpochMilli(1767225600000L), 4, Instant.parse("2026-02-01T10:30:00Z"),
                    Instant.parse("2026-02-02T10:00:00Z"), Instant.parse("2026-02-03T10:00:00Z")), d.watch());
            // and the parent, with its optional columns unset, reads them as null rather than 0 or ""
            Deposit parent = tx.read(c -> dao.findById(c, 1)).orElseThrow();
            assertNull(parent.parentId());
            assertNull(parent.paymentId());
            assertNull(parent.expiresAt());
            assertNull(parent.watch().nextCheckAt());
        }
    }
}
