package com.arbdesk.nowpayments;

import com.arbdesk.ledger.CoinCatalogue;
import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The start-up check of the NOWPayments connection: {@code GET /status}, then
 * {@code GET /merchant/coins} with the key. Reports what is wrong in words an admin can act on and
 * never throws, so a provider outage cannot stop the application from starting.
 */
public final class ProviderCheck {

    /** The coins ArbDesk offers for deposits: the catalogue's tickers, the same list deposits resolve against. */
    public static final List<String> DEPOSIT_TICKERS = CoinCatalogue.tickers();

    /** Said plainly at start-up and in the back office when the account login is missing. */
    public static final String NO_INVOICE_RECOVERY = "NOWPAYMENTS_EMAIL and NOWPAYMENTS_PASSWORD are not set: lost IPNs of"
            + " invoice deposits cannot be recovered (finding their payment needs the provider's payment list, which"
            + " needs the account login).";

    private ProviderCheck() {
    }

    public static ProviderHealth run(NowPaymentsClient client, List<String> wantedTickers, Clock clock) {
        Instant now = (clock == null ? Clock.systemUTC() : clock).instant();
        List<String> wanted = normalise(wantedTickers);
        if (client == null) {
            return down(now, "No NOWPayments client is configured.");
        }
        try {
            ApiStatus status = client.status();
            if (!status.ok()) {
                return down(now, "NOWPayments reports a problem: GET /status answered \"" + status.message() + "\".");
            }
        } catch (NowPaymentsException e) {
            return down(now, "NOWPayments could not be reached (" + e.getMessage() + "). Check the network and"
                    + " NOWPAYMENTS_API_URL; deposits are unavailable until it answers.");
        }
        List<String> enabled;
        try {
            enabled = client.merchantCoins();
        } catch (NowPaymentsException e) {
            // Which coins are missing is unknown here, so no per-coin hints: the one message says what to fix.
            String message = e.kind() == Kind.INVALID_API_KEY
                    ? e.userMessage()
                    : "NOWPayments is reachable but the enabled coins could not be read (" + e.getMessage() + ").";
            return new ProviderHealth(true, false, List.of(), List.of(), message, List.of(), now, invoiceRecovery(client));
        }
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(enabled);
        String message;
        if (enabled.isEmpty()) {
            message = "No coins are enabled in the NOWPayments dashboard (Settings > Coins), so no deposits"
                    + " can be offered.";
        } else if (!missing.isEmpty()) {
            message = "NOWPayments is reachable and the API key is valid, but " + missing.size() + " of the "
                    + wanted.size() + " deposit coins are not enabled in the dashboard.";
        } else {
            message = "NOWPayments is reachable, the API key is valid and " + enabled.size() + " coins are enabled.";
        }
        return new ProviderHealth(true, true, enabled, missing, message, hintsFor(missing), now, invoiceRecovery(client));
    }

    private static ProviderHealth down(Instant now, String message) {
        return new ProviderHealth(false, false, List.of(), List.of(), message, List.of(), now, null);
    }

    /** Can a lost IPN of an invoice deposit be recovered? Only with a working account login (POST /auth). */
    private static String invoiceRecovery(NowPaymentsClient client) {
        if (!client.canListPayments()) {
            return NO_INVOICE_RECOVERY;
        }
        try {
            client.checkLogin();
            return null;
        } catch (NowPaymentsException e) {
            return "NOWPayments refused the account login (" + e.getMessage() + "): lost IPNs of invoice deposits cannot"
                    + " be recovered until NOWPAYMENTS_EMAIL and NOWPAYMENTS_PASSWORD are fixed.";
        }
    }

    private static List<String> hintsFor(List<String> tickers) {
        List<String> hints = new ArrayList<>(tickers.size());
        for (String t : tickers) {
            hints.add("Enable " + t.toUpperCase(Locale.ROOT)
                    + " in the NOWPayments dashboard (Settings > Coins) to offer it");
        }
        return hints;
    }

    private static List<String> normalise(List<String> tickers) {
        Set<String> out = new LinkedHashSet<>();
        if (tickers != null) {
            for (String t : tickers) {
                if (t != null && !t.isBlank()) {
                    out.add(t.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(out);
    }
}
