package com.arbdesk.web.pages;

import com.arbdesk.core.Money;
import com.arbdesk.ledger.BlockExplorer;
import com.arbdesk.ledger.TransactionRecord;
import com.arbdesk.web.Pages;

/**
 * A transaction preformatted for pages. {@code amount} is what it moved on the balance (see
 * {@link TransactionRecord#shownAmount()}); {@code requested} says what a deposit asked for while that
 * differs; {@code tone} is pos, neg or zero, so a deposit that credited nothing is never drawn as a credit;
 * {@code txHash}/{@code txUrl} link a deposit to the payer's transaction.
 */
public record TransactionView(long id, String time, String type, String amount, String requested, String tone, String status,
                              String description, long userId, String userEmail, String txHash, String txUrl) {
    public static TransactionView of(TransactionRecord t) {
        String type = switch (t.type()) {
            case "deposit" -> "Deposit";
            case "adjustment" -> "Adjustment";
            default -> t.type();
        };
        Money shown = t.shownAmount();
        String amount = (shown.signum() > 0 ? "+" : "") + shown.display();
        String tone = shown.signum() > 0 ? "pos" : shown.signum() < 0 ? "neg" : "zero";
        String requested = t.requested().map(m -> "of " + m.display() + " requested").orElse("");
        return new TransactionView(t.id(), Pages.time(t.createdAt()), type, amount, requested, tone, t.status(),
                t.description() == null ? "" : t.description(), t.userId(), t.userEmail(), BlockExplorer.shortHash(t.payinHash()),
                t.payinHashUrl());
    }
}
