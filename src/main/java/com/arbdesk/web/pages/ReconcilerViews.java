package com.arbdesk.web.pages;

import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.ReconcileHealth;
import com.arbdesk.web.Pages;
import java.time.Duration;
import java.time.Instant;

/** The view records of the reconciler's figures on the back office home and of one deposit's watch, preformatted. */
public final class ReconcilerViews {
    private ReconcilerViews() {
    }

    /** "45 s", "12 min", "3 h 10 min", "2 d 4 h". */
    static String span(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d" + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + " h");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** The reconciler card: lag, recent checks and errors, deposits watched and no longer watched. */
    public record ReconcilerView(String lag, boolean behind, long checksLastHour, long errorsLastHour, String lastError,
                                 long watched, long unwatched, String paused, String rate, boolean invoiceRecovery,
                                 String invoiceRecoveryMessage) {
        static ReconcilerView of(ReconcileHealth h, Duration interval) {
            // behind: the most overdue check waits longer than a pass interval plus a minute
            boolean behind = h.lag().compareTo(interval.plusMinutes(1)) > 0;
            return new ReconcilerView(h.lag().isZero() ? "none" : span(h.lag()), behind, h.checksLastHour(),
                    h.errorsLastHour(), h.lastError() == null ? "" : h.lastError(), h.watched(), h.unwatched(),
                    h.pausedUntil() == null ? "" : "Paused until " + DepositViews.seconds(h.pausedUntil())
                            + ": the provider was rate limiting or unavailable",
                    h.requestsPerSecond().toPlainString(), h.invoiceRecovery(),
                    h.invoiceRecovery() ? "" : ReconcileHealth.NO_INVOICE_RECOVERY);
        }
    }

    /** One deposit's place in the reconciler: {@code state} is watched, unwatched (its window ended unsettled) or done. */
    public record WatchView(String state, String text, boolean canWatchAgain) {
        static WatchView of(Deposit d, Instant now) {
            Deposit.Watch w = d.watch();
            String until = w.watchUntil() == null ? "" : " · watched until " + Pages.time(w.watchUntil());
            String last = w.lastCheckedAt() == null ? "" : " · last checked " + Pages.time(w.lastCheckedAt());
            if (w.watched()) {
                String next = w.nextCheckAt().isAfter(now)
                        ? "Next check in " + span(Duration.between(now, w.nextCheckAt()))
                        : "Check due now";
                return new WatchView("watched", next + until + last, false);
            }
            if (w.unwatchedAt() != null) {
                return new WatchView("unwatched", "No longer watched since " + Pages.time(w.unwatchedAt())
                        + " (its window ended)" + last, true);
            }
            return new WatchView("done", "Not polled: the provider has nothing more to report" + last, false);
        }
    }
}
