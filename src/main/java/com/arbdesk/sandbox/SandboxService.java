package com.arbdesk.sandbox;

import com.arbdesk.config.AppConfig;
import com.arbdesk.core.Background;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in NOWPayments sandbox: creates payments and invoices, runs each payment through the
 * provider's statuses (on a timer, so a person watching sees every step) and reports every
 * transition by signed IPN. State lives in memory, like a remote service the app cannot see into.
 */
public final class SandboxService implements AutoCloseable {
    /** Where boot leaves the running sandbox for the sandbox's own servlets and JAX-RS application. */
    public static final String ATTRIBUTE = SandboxService.class.getName();
    private final AppConfig.Sandbox settings;
    private final String apiKey;
    private final String publicBaseUrl;
    private final Clock clock;
    private final Map<Long, SandboxPayment> payments = new ConcurrentHashMap<>();
    private final Map<Long, SandboxInvoice> invoices = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final SandboxRateLimit rateLimit = new SandboxRateLimit();
    private final AtomicLong ids = new AtomicLong(5_000_000_000L + new SecureRandom().nextInt(900_000_000));
    private final ScheduledExecutorService scheduler = Background.singleThread("nowpayments-sandbox");
    private final IpnDispatcher ipn;
    private final java.time.Duration quoteFor;
    private final java.time.Duration validFor;

    public SandboxService(AppConfig.Sandbox settings, String apiKey, String ipnSecret, String publicBaseUrl, Clock clock) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.ipn = new IpnDispatcher(new IpnSigner(ipnSecret), scheduler, settings.ipnRetries(), settings.ipnRetryMillis(), clock);
        this.quoteFor = java.time.Duration.ofSeconds(settings.quoteSeconds());
        this.validFor = java.time.Duration.ofSeconds(settings.validSeconds());
    }

    /** What a payer can do to a sandbox payment from the control page or API. */
    public enum Action {
        PAY, PAY_PART, OVERPAY, PAY_LATE, PAY_AFTER_EXPIRY, PAY_AFTER_FAILURE, FINISH_UNPAID, FAIL, EXPIRE, CANCEL, REFUND,
        REDEPOSIT, REDEPOSIT_LOST, RESEND, LOSE_IPNS, DELIVER_IPNS;

        public static Action parse(String raw) {
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw SandboxError.invalid("unknown action " + raw);
            }
        }
    }

    /** The fields of POST /payment after validation. */
    public record NewPayment(BigDecimal priceAmount, String priceCurrency, String payCurrency, String orderId,
                             String orderDescription, String ipnCallbackUrl, boolean fixedRate, String scenario) {
    }

    public boolean validKey(String key) {
        return key != null && java.security.MessageDigest.isEqual(apiKey.getBytes(), key.trim().getBytes());
    }

    public String issueToken() {
        String token = "sbx." + Long.toHexString(new SecureRandom().nextLong()) + Long.toHexString(new SecureRandom().nextLong());
        tokens.put(token, Boolean.TRUE);
        return token;
    }

    public boolean validToken(String token) {
        return token != null && tokens.containsKey(token);
    }

    public SandboxPayment createPayment(NewPayment req) {
        SandboxCoin coin = SandboxCoin.require(req.payCurrency());
        BigDecimal usd = SandboxCoin.usdValue(req.priceAmount(), req.priceCurrency());
        if (usd.compareTo(coin.minUsd()) < 0) {
            throw new SandboxError(400, "AMOUNT_MINIMAL_ERROR", "Crypto amount " + coin.fromUsd(usd).toPlainString()
                    + " is less than minimal");
        }
        SandboxPayment p = new SandboxPayment(ids.incrementAndGet(), coin, req.priceAmount(), req.priceCurrency(),
                coin.fromUsd(usd), coin.newAddress(), req.orderId(), req.orderDescription(), ids.incrementAndGet(), null,
                null, req.ipnCallbackUrl(), req.fixedRate(), now(), quoteFor, validFor);
        payments.put(p.id, p);
        expireWhenDue(p);
        startScenario(p, req.scenario());
        return p;
    }

    public SandboxInvoice createInvoice(BigDecimal priceAmount, String priceCurrency, String payCurrency, String orderId,
                                        String orderDescription, String ipnCallbackUrl, String successUrl, String cancelUrl,
                                        boolean fixedRate, boolean feePaidByUser) {
        SandboxCoin.usdValue(priceAmount, priceCurrency);
        if (payCurrency != null) {
            SandboxCoin.require(payCurrency);
        }
        SandboxInvoice i = SandboxInvoice.create(ids.incrementAndGet(), priceAmount, priceCurrency, payCurrency, orderId,
                orderDescription, ipnCallbackUrl, successUrl, cancelUrl, fixedRate, feePaidByUser, now());
        invoices.put(i.id(), i);
        return i;
    }

    public String invoiceUrl(SandboxInvoice i) {
        return publicBaseUrl + "/sandbox/nowpayments/payment/?iid=" + i.id();
    }

    /** The payer picked a coin on the invoice page (or the merchant called /invoice-payment). */
    public SandboxPayment payInvoice(long invoiceId, String payCurrency) {
        SandboxInvoice i = invoice(invoiceId);
        SandboxCoin coin = SandboxCoin.require(payCurrency == null ? i.payCurrency() : payCurrency);
        BigDecimal usd = SandboxCoin.usdValue(i.priceAmount(), i.priceCurrency());
        SandboxPayment p = new SandboxPayment(ids.incrementAndGet(), coin, i.priceAmount(), i.priceCurrency(),
                coin.fromUsd(usd), coin.newAddress(), i.orderId(), i.orderDescription(), ids.incrementAndGet(), i.id(),
                null, i.ipnCallbackUrl(), i.fixedRate(), now(), quoteFor, validFor);
        p.loseIpns = i.loseIpns().get();
        payments.put(p.id, p);
        i.paymentIds().add(p.id);
        expireWhenDue(p);
        // the provider reports even the first, waiting state of an invoice payment
        sendNow(p);
        return p;
    }

    public SandboxPayment payment(long id) {
        SandboxPayment p = payments.get(id);
        if (p == null) {
            throw SandboxError.notFound("Payment " + id + " not found");
        }
        return p;
    }

    public SandboxInvoice invoice(long id) {
        SandboxInvoice i = invoices.get(id);
        if (i == null) {
            throw SandboxError.notFound("Invoice " + id + " not found");
        }
        return i;
    }

    public List<SandboxPayment> payments() {
        return payments.values().stream().sorted(Comparator.comparingLong(SandboxPayment::id).reversed()).toList();
    }

    public List<SandboxInvoice> invoices() {
        return invoices.values().stream().sorted(Comparator.comparingLong(SandboxInvoice::id).reversed()).toList();
    }

    /**
     * update-merchant-estimate: a waiting payment whose quote lapsed gets a fresh amount at the current
     * rate and another quote period; before it lapsed, or once paid, the quote is answered unchanged.
     */
    public SandboxPayment updateEstimate(long id) {
        SandboxPayment p = payment(id);
        synchronized (p) {
            if (p.status.equals("waiting") && !clock.instant().isBefore(p.expiresAt)) {
                p.payAmount = p.coin.fromUsd(SandboxCoin.usdValue(p.priceAmount, p.priceCurrency));
                p.expiresAt = now().plus(quoteFor);
            }
            return p;
        }
    }

    /** The provider's rate limit as the control API sets it. */
    public SandboxRateLimit rateLimit() {
        return rateLimit;
    }

    /** The payments created from this invoice from now on lose their IPNs (or deliver them again). */
    public SandboxInvoice loseInvoiceIpns(long invoiceId, boolean lose) {
        SandboxInvoice i = invoice(invoiceId);
        i.loseIpns().set(lose);
        return i;
    }

    public void setDroppingIpns(boolean drop) {
        ipn.setDropping(drop);
    }

    public boolean droppingIpns() {
        return ipn.dropping();
    }

    /** Applies a payer or provider action; {@code amount} (coin units) is optional for partial pays and re-deposits. */
    public SandboxPayment act(long id, Action action, BigDecimal amount) {
        SandboxPayment p = payment(id);
        synchronized (p) {
            switch (action) {
                case PAY -> pay(p, p.payAmount, "finished");
                case PAY_PART -> pay(p, amount != null ? amount : half(p), "partially_paid");
                case OVERPAY -> pay(p, p.payAmount.multiply(new BigDecimal("1.1")).setScale(p.coin.precision(), RoundingMode.UP), "finished");
                case PAY_LATE -> payLate(p);
                case PAY_AFTER_EXPIRY -> payAfterExpiry(p);
                case PAY_AFTER_FAILURE -> {
                    require(p, List.of("failed"), "pay after the failure of");
                    p.actuallyPaid = p.payAmount;
                    runSequence(p, List.of("confirming", "confirmed", "sending", "finished"));
                }
                case FINISH_UNPAID -> {
                    // the provider's sandbox quirk: "finished" reporting nothing received
                    require(p, List.of("waiting"), "finish");
                    p.actuallyPaid = BigDecimal.ZERO;
                    runSequence(p, List.of("confirming", "confirmed", "sending", "finished"));
                }
                case CANCEL -> finish(p, "cancel", "cancelled", List.of("partially_paid"));
                case FAIL -> finish(p, "fail", "failed", List.of("waiting", "confirming", "confirmed", "sending"));
                case EXPIRE -> finish(p, "expire", "expired", List.of("waiting"));
                case REFUND -> finish(p, "refund", "refunded", List.of("finished", "partially_paid"));
                case REDEPOSIT -> redeposit(p, amount != null ? amount : p.payAmount, p.loseIpns);
                case REDEPOSIT_LOST -> redeposit(p, amount != null ? amount : p.payAmount, true);
                case RESEND -> resend(p);
                case LOSE_IPNS -> p.loseIpns = true;
                case DELIVER_IPNS -> p.loseIpns = false;
                default -> throw new IllegalStateException("unhandled action " + action);
            }
        }
        return p;
    }

    private void pay(SandboxPayment p, BigDecimal received, String outcome) {
        require(p, List.of("waiting"), "pay");
        if (received.signum() <= 0) {
            throw SandboxError.invalid("amount must be positive");
        }
        p.actuallyPaid = received;
        runSequence(p, List.of("confirming", "confirmed", "sending", outcome));
    }

    private void payLate(SandboxPayment p) {
        require(p, List.of("waiting", "expired"), "pay late");
        long start = 0;
        if (p.status.equals("waiting")) {
            transition(p, "expired");
            start = settings.stepMillis(); // the late coins arrive after the expiry, as on the real network
        }
        p.actuallyPaid = p.payAmount;
        runSequence(p, List.of("confirming", "confirmed", "sending", "finished"), start);
    }

    /**
     * Coins arrive after the payment expired. The provider sends no IPN after expiry, so only a status
     * read (the reconciler) can find it: the statuses move without a notification.
     */
    private void payAfterExpiry(SandboxPayment p) {
        require(p, List.of("waiting", "expired"), "pay after expiry of");
        if (p.status.equals("waiting")) {
            transition(p, "expired");
        }
        p.actuallyPaid = p.payAmount;
        int generation = ++p.generation;
        List<String> steps = List.of("confirming", "confirmed", "sending", "finished");
        for (int i = 0; i < steps.size(); i++) {
            String status = steps.get(i);
            scheduler.schedule(() -> {
                synchronized (p) {
                    if (p.generation == generation) {
                        p.status = status;
                        p.updatedAt = now();
                        seenOnChain(p);
                        p.ipnLog.add(new SandboxPayment.IpnAttempt(clock.instant(), status, 0, "not sent: the payment had expired"));
                    }
                }
            }, (i + 1) * settings.stepMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** An unpaid payment expires by itself at its valid_until, on the sandbox's clock, with an IPN. */
    private void expireWhenDue(SandboxPayment p) {
        long delay = Math.max(0, java.time.Duration.between(clock.instant(), p.validUntil).toMillis());
        scheduler.schedule(() -> {
            synchronized (p) {
                if (p.status.equals("waiting")) {
                    p.generation++;
                    transition(p, "expired");
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void finish(SandboxPayment p, String verb, String status, List<String> from) {
        require(p, from, verb);
        p.generation++;
        transition(p, status);
    }

    /** Coins sent again to a used address: a child payment; its IPN is lost when {@code lost} (or the parent's are). */
    private void redeposit(SandboxPayment parent, BigDecimal received, boolean lost) {
        require(parent, List.of("finished", "partially_paid", "sending", "confirmed"), "re-deposit into");
        SandboxPayment child = new SandboxPayment(ids.incrementAndGet(), parent.coin, parent.coin.toUsd(received),
                "usd", received, parent.payAddress, parent.orderId, parent.orderDescription, parent.purchaseId,
                parent.invoiceId, parent.id, parent.ipnCallbackUrl, false, now(), quoteFor, validFor);
        child.loseIpns = lost;
        payments.put(child.id, child);
        parent.childIds.add(child.id);
        synchronized (child) {
            child.actuallyPaid = received;
            child.status = "finished";
            seenOnChain(child);
            sendNow(child);
        }
    }

    private void resend(SandboxPayment p) {
        if (p.lastIpnBody == null) {
            throw new SandboxError(409, "CONFLICT", "payment " + p.id + " has not sent an IPN yet");
        }
        byte[] body = p.lastIpnBody;
        scheduler.execute(() -> ipn.deliver(p, body, p.status() + " (resent)"));
    }

    private void startScenario(SandboxPayment p, String scenario) {
        if (scenario == null || scenario.isBlank() || scenario.equals("common")) {
            return; // waits for the payer: the control page or its API moves it
        }
        synchronized (p) {
            switch (scenario) {
                case "success" -> pay(p, p.payAmount, "finished");
                case "partially_paid" -> pay(p, half(p), "partially_paid");
                case "failed" -> {
                    p.actuallyPaid = BigDecimal.ZERO;
                    runSequence(p, List.of("failed"));
                }
                default -> throw SandboxError.invalid("case must be one of success, failed, partially_paid, common");
            }
        }
    }

    /** Moves through the statuses one step apart; a later action (generation bump) stops the rest. */
    private void runSequence(SandboxPayment p, List<String> steps) {
        runSequence(p, steps, 0);
    }

    private void runSequence(SandboxPayment p, List<String> steps, long startMillis) {
        int generation = ++p.generation;
        for (int i = 0; i < steps.size(); i++) {
            String status = steps.get(i);
            scheduler.schedule(() -> {
                synchronized (p) {
                    if (p.generation == generation) {
                        transition(p, status);
                    }
                }
            }, startMillis + i * settings.stepMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void transition(SandboxPayment p, String status) {
        p.status = status;
        p.updatedAt = now();
        seenOnChain(p);
        sendNow(p);
    }

    /** Coins that arrived have a transaction the payer can look up. */
    private static void seenOnChain(SandboxPayment p) {
        if (p.payinHash == null && p.actuallyPaid.signum() > 0) {
            p.payinHash = p.coin.newTxHash();
        }
    }

    private void sendNow(SandboxPayment p) {
        byte[] body = SandboxJson.ipn(p);
        p.lastIpnBody = body;
        String status = p.status;
        scheduler.execute(() -> ipn.deliver(p, body, status));
    }

    /** The provider's timestamps carry milliseconds. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void require(SandboxPayment p, List<String> from, String verb) {
        if (!from.contains(p.status)) {
            throw new SandboxError(409, "CONFLICT", "cannot " + verb + " payment " + p.id + ": it is " + p.status);
        }
    }

    private static BigDecimal half(SandboxPayment p) {
        return p.payAmount.divide(BigDecimal.valueOf(2), p.coin.precision(), RoundingMode.DOWN);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        ipn.close();
    }
}
