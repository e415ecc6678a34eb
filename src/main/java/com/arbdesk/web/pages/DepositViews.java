package com.arbdesk.web.pages;

import com.arbdesk.auth.EmailMask;
import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositCurrency;
import com.arbdesk.deposit.DepositDao;
import com.arbdesk.deposit.DepositFlag;
import com.arbdesk.deposit.DepositStatus;
import com.arbdesk.deposit.IpnEventDao;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.web.Pages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The view records of the back office deposit and IPN pages: every value preformatted for the JSPs. */
public final class DepositViews {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String NONE = "—";

    static final List<String> STATUSES = Arrays.stream(DepositStatus.values()).map(DepositStatus::wire).toList();
    static final List<String> CURRENCIES = DepositCurrency.ALL.stream().map(DepositCurrency::currency).distinct().toList();
    /** The IPN log's filter: every verdict the code writes, from the enum. */
    static final List<String> VERDICTS = Arrays.stream(IpnVerdict.values()).map(IpnVerdict::wire).toList();
    /** IPN verdicts that are exceptions in their own right: no deposit row carries them. */
    static final List<IpnVerdict> IPN_PROBLEMS = Arrays.stream(IpnVerdict.values()).filter(IpnVerdict::reachedNoDeposit).toList();

    private DepositViews() {
    }

    /** A deposit as a list row. */
    public record DepositRow(long id, long userId, String user, String amount, String credited, String coin, String network,
                      String payAmount, String status, List<String> flags, String created, String updated,
                      String createdIso) {
        static DepositRow of(Deposit d) {
            return new DepositRow(d.id(), d.userId(), EmailMask.mask(d.userEmail()), d.amountUsd().display(), d.credited().display(),
                    d.currency(), networkName(d), crypto(d.payAmount(), d), d.status().wire(), DepositViews.flags(d), Pages.time(d.createdAt()),
                    Pages.time(d.updatedAt()), d.createdAt().toString());
        }
    }

    /** Everything on the deposit detail's summary card; {@code needsReview} offers the approve button. */
    public record Summary(DepositRow row, String mode, String actuallyPaid, String address, String paymentId, String orderId,
                   String invoiceId, String invoiceUrl, String providerStatus, String failureReason, Long parentId,
                   String expires, String validUntil, String memo, String txHash, String txUrl, boolean needsReview) {
        static Summary of(Deposit d) {
            return new Summary(DepositRow.of(d), d.mode() == null ? null : d.mode().wire(), crypto(d.actuallyPaid(), d), dash(d.payAddress()), dash(d.paymentId()),
                    dash(d.orderId()), dash(d.invoiceId()), webLink(d.invoiceUrl()), dash(d.providerStatus()), d.failureReason(),
                    d.parentId(), d.expiresAt() == null ? NONE : Pages.time(d.expiresAt()),
                    d.validUntil() == null ? NONE : Pages.time(d.validUntil()), d.payinExtraId(), dash(d.payinHash()),
                    com.arbdesk.ledger.BlockExplorer.txUrl(d.payCurrency(), d.payinHash()).orElse(null),
                    d.has(DepositFlag.NEEDS_REVIEW));
        }
    }

    /** One step of a deposit's status timeline. */
    public record EventRow(String time, String from, String to, String providerStatus, String source, String credited,
                    boolean credit, String note, Long ipnId) {
        static EventRow of(DepositDao.Event e) {
            Money delta = Money.ofMinor(Asset.USD, e.creditedMinor());
            return new EventRow(seconds(e.at()), e.fromStatus(), e.toStatus(), dash(e.providerStatus()), e.source(),
                    delta.signum() == 0 ? NONE : (delta.signum() > 0 ? "+" : "") + delta.display(), delta.signum() > 0,
                    e.note() == null ? "" : e.note(), e.ipnEventId());
        }
    }

    /** A stored IPN; {@code tone} is one of the status-* badge colours. */
    public record IpnRow(long id, String time, String paymentId, String providerStatus, String verdict, String tone, String detail,
                  Long depositId, String remote, String body) {
        static IpnRow of(IpnEventDao.IpnEvent e) {
            IpnVerdict verdict = e.verdict() == null ? IpnVerdict.RECEIVED : e.verdict();
            return new IpnRow(e.id(), seconds(e.receivedAt()), dash(e.paymentId()), dash(e.providerStatus()), verdict.wire(),
                    DepositViews.tone(verdict), e.detail() == null ? "" : e.detail(), e.transactionId(), dash(e.remoteAddress()),
                    e.body() == null ? "" : e.body());
        }
    }

    /** The deposits list, the exceptions view when {@code flagged}, or the deposits no longer watched when {@code unwatched}. */
    public record DepositsView(String status, String currency, boolean flagged, boolean unwatched, List<String> statuses,
                               List<String> currencies, List<DepositRow> deposits, List<IpnRow> ipnProblems, String newerHref,
                               String olderHref) {
    }

    /** The deposit detail page. */
    public record DetailView(Summary deposit, ReconcilerViews.WatchView watch, List<EventRow> timeline,
                             List<AdminPages.EntryRow> entries, List<IpnRow> ipns, String notice, String noticeTone) {
    }

    /** The IPN log page. */
    public record IpnLogView(String verdict, List<String> verdicts, List<IpnRow> ipns, String notice, String noticeTone,
                      String newerHref, String olderHref) {
    }

    /** The IPN figures on the provider health card. */
    public record IpnHealthView(String lastReceived, long failuresLastHour, long staleOpen, String threshold) {
    }


    static String seconds(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    /** "15 min", "2 h", "45 s". */
    static String duration(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** The badge colour of an IPN verdict, reusing the deposit status colours. */
    static String tone(IpnVerdict verdict) {
        if (verdict.reachedNoDeposit()) {
            return DepositStatus.FAILED.wire();
        }
        return switch (verdict) {
            case APPLIED -> DepositStatus.COMPLETED.wire();
            case FLAGGED -> DepositStatus.PARTIALLY_PAID.wire();
            default -> DepositStatus.PENDING.wire();
        };
    }

    /** The notice after a replay; the verdict comes back in the redirect's query, so only verdict-shaped words pass. */
    static String replayNotice(String ipn, String verdict) {
        if (ipn == null || !ipn.matches("\\d{1,18}") || verdict == null || !verdict.matches("[a-z_]{1,32}")) {
            return null;
        }
        return "IPN #" + ipn + " replayed: " + verdict + ".";
    }

    /** The notice colour for a verdict from the query string; a word that is no verdict is only information. */
    static String noticeTone(String verdict) {
        return IpnVerdict.parse(verdict).map(v -> v.reachedNoDeposit() ? "error" : v == IpnVerdict.APPLIED ? "success" : "info")
                .orElse("info");
    }

    private static List<String> flags(Deposit d) {
        return d.flags().stream().map(DepositFlag::wire).sorted().toList();
    }

    private static String networkName(Deposit d) {
        return DepositCurrency.byTicker(d.payCurrency()).map(DepositCurrency::networkName)
                .orElse(d.network() == null ? "" : d.network());
    }

    private static String crypto(String amount, Deposit d) {
        return amount == null || amount.isBlank() ? NONE : amount + " " + d.currency();
    }

    /** Only http(s) links are rendered as links (never a javascript: URL from a provider answer). */
    private static String webLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
