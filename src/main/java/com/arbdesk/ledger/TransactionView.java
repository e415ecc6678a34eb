package com.arbdesk.ledger;

import com.arbdesk.web.Pages;

/** A transaction preformatted for pages; {@code txHash}/{@code txUrl} link a deposit to the payer's transaction. */
public record TransactionView(long id, String time, String type, String amount, boolean credit, String status,
                              String description, long userId, String userEmail, String txHash, String txUrl) {
    public static TransactionView of(TransactionRecord t) {
        String type = switch (t.type()) {
            case "deposit" -> "Deposit";
            case "adjustment" -> "Adjustment";
            default -> t.type();
        };
        Money shown = t.shownAmount();
        String amount = (shown.signum() > 0 ? "+" : "") + shown.display();
        return new TransactionView(t.id(), Pages.time(t.createdAt()), type, amount, shown.signum() >= 0, t.status(),
                t.description() == null ? "" : t.description(), t.userId(), t.userEmail(), BlockExplorer.shortHash(t.payinHash()),
                t.payinHashUrl());
    }
}
