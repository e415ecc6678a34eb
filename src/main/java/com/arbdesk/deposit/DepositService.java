package com.arbdesk.deposit;

import com.arbdesk.core.Money;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.nowpayments.CreateInvoiceRequest;
import com.arbdesk.nowpayments.CreatePaymentRequest;
import com.arbdesk.nowpayments.Invoice;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.NowPaymentsException;
import com.arbdesk.nowpayments.Payment;
import com.arbdesk.nowpayments.ProviderMonitor;
import com.arbdesk.nowpayments.RateBudget;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creating deposits and reading them back. A deposit row is written first (pending), then the
 * provider is asked; if the provider fails the row is marked failed with the reason, so there is
 * never a half-created deposit and the user gets a clear message.
 */
public final class DepositService {
    private static final Logger LOG = Logger.getLogger(DepositService.class.getName());
    public static final BigDecimal MAX_USD = new BigDecimal("100000");
    /** The provider's 429 says no Retry-After: ten seconds is long enough for its per-second limits. */
    static final long PROVIDER_BUSY_RETRY_SECONDS = 10;
    /** How long a create may wait for its slot in the provider's request rate before the user is asked to retry. */
    private static final Duration CREATE_WAIT = Duration.ofSeconds(2);

    private final Tx tx;
    private final DepositDao deposits;
    private final DepositUpdater updater;
    private final FiatValuation valuation;
    private final NowPaymentsClient provider;
    private final ProviderMonitor monitor;
    private final MinimumCache minimums;
    private final RateBudget createBudget;
    private final EventBus events;
    private final String baseUrl;
    private final Clock clock;

    public DepositService(Tx tx, DepositDao deposits, DepositUpdater updater, FiatValuation valuation, NowPaymentsClient provider,
                          RateBudget createBudget, ProviderMonitor monitor, EventBus events, String baseUrl, Clock clock) {
        this.tx = tx;
        this.deposits = deposits;
        this.updater = updater;
        this.valuation = valuation;
        this.provider = provider;
        this.monitor = monitor;
        this.minimums = new MinimumCache(provider, clock);
        this.createBudget = createBudget;
        this.events = events;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A validated request to create a deposit. */
    public record NewDeposit(String currency, String network, String amountUsd, String mode) {
    }

    public Deposit create(long userId, NewDeposit r) {
        DepositCurrency option = DepositCurrency.resolve(r.currency(), r.network());
        Money amount = parseAmount(r.amountUsd());
        DepositMode mode = r.mode() == null || r.mode().isBlank() ? DepositMode.PAYMENT
                : DepositMode.parse(r.mode()).filter(DepositMode::userChoice).orElseThrow(() -> Failure.invalid("mode",
                        "mode is payment (address and amount) or invoice (hosted page)"));
        monitor.current().filter(h -> h.keyValid() && h.missingCoins().contains(option.ticker())).ifPresent(h -> {
            throw new Failure(FailureCode.VALIDATION_FAILED, option.currency() + " on " + option.networkName()
                    + " is not available right now; choose another network", "network", null);
        });
        Money min = minimumUsd(option);
        if (amount.compareTo(min) < 0) {
            throw Failure.invalid("amount_usd", "The minimum deposit for " + option.currency() + " on "
                    + option.networkName() + " is " + min.display());
        }
        if (!createBudget.tryAcquire(CREATE_WAIT)) {
            // within the provider's documented rate for POST /payment: over it, nothing is written or sent
            throw busy(Math.max(1, (createBudget.waitTime().toMillis() + 999) / 1000));
        }
        Instant now = clock.instant();
        long id = tx.inTransaction(c -> deposits.insertPending(c, userId, mode, amount, option, null, now));
        Deposit pending = get(id);
        String ipnUrl = baseUrl + "/api/nowpayments/ipn";
        DepositDao.ProviderAnswer answer;
        try {
            answer = mode == DepositMode.INVOICE ? invoice(pending, option, amount, ipnUrl) : payment(pending, option, amount, ipnUrl);
        } catch (NowPaymentsException e) {
            LOG.log(Level.WARNING, "provider refused deposit " + id + ": " + e.getMessage());
            tx.inTransaction(c -> {
                deposits.updateState(c, id, new DepositDao.State(DepositStatus.FAILED, null, null, null, null, null, null, null,
                        null, 0, Set.of(), e.userMessage()), clock.instant());
                deposits.insertEvent(c, id, clock.instant(), DepositStatus.PENDING, DepositStatus.FAILED, null, UpdateSource.CREATE, 0,
                        e.userMessage(), null);
                return null;
            });
            throw toAppException(e);
        }
        Deposit created = tx.inTransaction(c -> {
            deposits.attachProvider(c, id, answer, clock.instant());
            deposits.insertEvent(c, id, clock.instant(), null, DepositStatus.PENDING, answer.providerStatus(), UpdateSource.CREATE, 0,
                    mode == DepositMode.INVOICE ? "invoice " + answer.invoiceId() : "payment " + answer.paymentId(), null);
            updater.scheduleNew(c, id);
            Deposit d = deposits.findById(c, id).orElseThrow();
            events.publish(new DepositChanged(d, null, Money.usd("0"), true));
            return d;
        });
        return created;
    }

    private DepositDao.ProviderAnswer payment(Deposit d, DepositCurrency option, Money amount, String ipnUrl) {
        Payment p = provider.createPayment(new CreatePaymentRequest(amount.amount(), "usd", option.ticker(), null, ipnUrl,
                d.orderId(), "ArbDesk deposit " + d.orderId(), false, false, null, null));
        Instant expires = p.expirationEstimateDate() != null ? p.expirationEstimateDate() : clock.instant().plusSeconds(20 * 60);
        return new DepositDao.ProviderAnswer(p.paymentId(), p.invoiceId(), null, p.payAddress(), p.payinExtraId(),
                p.payAmount() == null ? null : p.payAmount().toPlainString(), expires, p.validUntil(), p.status(), p.rawJson());
    }

    private DepositDao.ProviderAnswer invoice(Deposit d, DepositCurrency option, Money amount, String ipnUrl) {
        String back = baseUrl + "/dashboard?deposit=" + d.id();
        Invoice i = provider.createInvoice(new CreateInvoiceRequest(amount.amount(), "usd", option.ticker(), ipnUrl,
                d.orderId(), "ArbDesk deposit " + d.orderId(), back, back, back, false, false));
        return new DepositDao.ProviderAnswer(null, i.id(), i.invoiceUrl(), null, null, null, null, null, "waiting", null);
    }

    /** The deposit as stored. */
    public Deposit get(long id) {
        return tx.read(c -> deposits.findById(c, id)).orElseThrow(() -> Failure.notFound("Deposit " + id));
    }

    /**
     * Status on refresh: a deposit the provider may still move (not completed, not refunded; an expired
     * or failed one may still be paid) is first re-read from the provider and the answer applied through
     * the same path as an IPN. A provider outage just serves what we have.
     */
    public Deposit refreshed(long id) {
        Deposit d = get(id);
        return d.status() == DepositStatus.COMPLETED ? d : recheck(d);
    }

    /** An admin's re-check: the provider is asked even about a completed deposit (its transaction hash, say). */
    public Deposit rechecked(long id) {
        return recheck(get(id));
    }

    private Deposit recheck(Deposit d) {
        long id = d.id();
        if (!ReconcileSchedule.trackable(d) && d.status() != DepositStatus.COMPLETED || d.paymentId() == null) {
            return d;
        }
        try {
            Payment p = provider.getPayment(d.paymentId());
            updater.apply(p, UpdateSource.REFRESH, null, valuation.estimateFor(p));
        } catch (NowPaymentsException e) {
            LOG.log(Level.FINE, "status refresh of deposit " + id + " skipped: " + e.getMessage());
        }
        return get(id);
    }

    /**
     * The quote lapsed while the deposit still waits for its coins (the address takes payments for days,
     * the amount holds for minutes): the provider refreshes the amount to send. Before the quote lapsed,
     * or once anything arrived, the deposit is returned as it is.
     */
    public Deposit refreshQuote(long id) {
        Deposit d = get(id);
        if (d.status() != DepositStatus.PENDING || d.paymentId() == null || d.expiresAt() == null
                || clock.instant().isBefore(d.expiresAt())) {
            return d;
        }
        try {
            updater.requote(id, provider.updateMerchantEstimate(d.paymentId()));
        } catch (NowPaymentsException e) {
            throw toAppException(e);
        }
        return get(id);
    }

    public List<Deposit> list(Long userId, String status, String currency, boolean flaggedOnly, int limit, int offset) {
        return tx.read(c -> deposits.list(c, userId, status, currency, flaggedOnly, Math.max(1, Math.min(limit, 200)),
                Math.max(0, offset)));
    }

    /** Deposits the reconciler stopped polling before they settled (an admin can watch them again). */
    public List<Deposit> unwatched(int limit, int offset) {
        return tx.read(c -> deposits.unwatched(c, Math.max(1, Math.min(limit, 200)), Math.max(0, offset)));
    }

    public List<DepositDao.Event> timeline(long id) {
        return tx.read(c -> deposits.events(c, id));
    }

    public Money minimumUsd(DepositCurrency option) {
        try {
            return minimums.minimumUsd(option.ticker());
        } catch (NowPaymentsException e) {
            throw toAppException(e);
        }
    }

    /** 503 with Retry-After: the user waits a few seconds, nothing was created. */
    private static Failure busy(long seconds) {
        return new Failure(FailureCode.PROVIDER_UNAVAILABLE, "The payment provider is busy right now. Please try again in "
                + seconds + (seconds == 1 ? " second." : " seconds."), null, seconds);
    }

    private static Money parseAmount(String text) {
        Money m;
        try {
            m = Money.usd(text);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("amount_usd", "Enter the amount in US dollars with at most 2 decimals, like 50.00");
        }
        if (m.signum() <= 0 || m.amount().compareTo(MAX_USD) > 0) {
            throw Failure.invalid("amount_usd", "Enter an amount above $0.00 and at most $100,000.00");
        }
        return m;
    }

    static Failure toAppException(NowPaymentsException e) {
        if (e.kind() == NowPaymentsException.Kind.RATE_LIMITED) {
            long wait = e.retryAfterSeconds() != null ? Math.max(1, e.retryAfterSeconds()) : PROVIDER_BUSY_RETRY_SECONDS;
            return busy(wait);
        }
        return switch (e.kind()) {
            case AMOUNT_TOO_LOW -> Failure.invalid("amount_usd", e.userMessage());
            case CURRENCY_UNAVAILABLE, INVALID_REQUEST -> new Failure(FailureCode.VALIDATION_FAILED, e.userMessage(), "currency", null);
            default -> new Failure(FailureCode.PROVIDER_UNAVAILABLE, e.userMessage());
        };
    }
}
