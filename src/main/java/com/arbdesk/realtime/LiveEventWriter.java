package com.arbdesk.realtime;

import com.arbdesk.alerts.AlertFired;
import com.arbdesk.alerts.AlertFiring;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.EmailMask;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositChanged;
import com.arbdesk.deposit.DepositFlag;
import com.arbdesk.ledger.BalanceChanged;
import com.arbdesk.ledger.LedgerService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * The outbox's writing half: turns a change into its {@code live_events} rows ({@code deposit_updated}
 * {@code balance_updated} and {@code alert_fired} to the user, {@code admin_deposits_stream} to every admin), each with the
 * next seq of its recipient, inside the transaction that makes the change; the rows are delivered only
 * after that transaction commits.
 */
final class LiveEventWriter {
    private static final ObjectMapper JSON = LivePublisher.JSON;
    private final Tx tx;
    private final LiveEventDao dao;
    private final AuthService auth;
    private final LedgerService ledger;
    private final Clock clock;
    private final Runnable afterCommit;

    /** @param afterCommit run once the transaction that stored rows committed (wakes the delivery) */
    LiveEventWriter(Tx tx, LiveEventDao dao, AuthService auth, LedgerService ledger, Clock clock, Runnable afterCommit) {
        this.tx = tx;
        this.dao = dao;
        this.auth = auth;
        this.ledger = ledger;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Runs in the publisher's transaction (joined; a new one when there is none): balance and admins are read in it. */
    void depositChanged(DepositChanged e) {
        tx.inTransaction(c -> {
            Deposit d = e.deposit();
            Money balance = e.newBalance() != null ? e.newBalance() : ledger.balance(d.userId());
            ObjectNode data = JSON.createObjectNode().put("transaction_id", d.id()).put("new_status", d.status().wire())
                    .put("new_balance", balance.toPlainString()).put("amount_usd", d.amountUsd().toPlainString())
                    .put("credited_usd", d.credited().toPlainString()).put("credited_now", e.creditedNow().toPlainString())
                    .put("currency", d.currency()).put("network", d.network()).put("created", e.created())
                    .put("updated_at", d.updatedAt().toString());
            append(d.userId(), "deposit_updated", data);
            ObjectNode admin = JSON.createObjectNode();
            admin.putObject("user").put("user_id", d.userId()).put("email", EmailMask.mask(d.userEmail()));
            admin.putObject("transaction").put("transaction_id", d.id()).put("amount_usd", d.amountUsd().toPlainString())
                    .put("credited_usd", d.credited().toPlainString()).put("currency", d.currency()).put("network", d.network())
                    .put("status", d.status().wire()).put("flags", DepositFlag.toCsv(d.flags()))
                    .put("timestamp", d.updatedAt().toString()).put("created", e.created());
            String adminJson = write(admin);
            for (long adminId : auth.adminIds()) {
                append(adminId, "admin_deposits_stream", adminJson);
            }
            Tx.afterCommit(afterCommit);
            return null;
        });
    }

    void balanceChanged(BalanceChanged e) {
        tx.inTransaction(c -> {
            append(e.userId(), "balance_updated", JSON.createObjectNode().put("new_balance", e.newBalance().toPlainString())
                    .put("change", e.change().toPlainString()).put("transaction_id", e.transactionId()).put("reason", e.reason()));
            Tx.afterCommit(afterCommit);
            return null;
        });
    }

    /** The owner's {@code alert_fired}: what matched, and the unread count for the badge. */
    void alertFired(AlertFired e) {
        tx.inTransaction(c -> {
            AlertFiring f = e.firing();
            ObjectNode data = JSON.createObjectNode().put("firing_id", f.id()).put("pair", f.pair())
                    .put("buy_exchange", f.buyExchange()).put("sell_exchange", f.sellExchange())
                    .put("size_usd", f.sizeUsd().toPlainString()).put("net_pct", f.netPct().toPlainString())
                    .put("min_net_pct", f.minNetPct().toPlainString()).put("held_seconds", f.heldSeconds())
                    .put("fired_at", f.firedAt().toString()).put("unread", e.unread());
            if (f.ruleId() != null) {
                data.put("rule_id", f.ruleId());
            }
            append(f.userId(), "alert_fired", data);
            Tx.afterCommit(afterCommit);
            return null;
        });
    }

    private void append(long userId, String event, ObjectNode data) {
        append(userId, event, write(data));
    }

    /** Called inside the open transaction: the row commits or rolls back with the change. */
    private void append(long userId, String event, String dataJson) {
        tx.inTransaction(c -> dao.append(c, userId, event, dataJson, clock.instant()));
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
