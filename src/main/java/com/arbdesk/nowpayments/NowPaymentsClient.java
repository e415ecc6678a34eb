package com.arbdesk.nowpayments;

import com.arbdesk.core.BuiltAhead;
import com.arbdesk.core.OwnedHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The NOWPayments REST API as used for deposits. Every failure is a {@link NowPaymentsException};
 * answers are read field by field, so the provider's type drift (numbers vs strings) is tolerated.
 * Thread-safe; create one per configuration and share it.
 */
public final class NowPaymentsClient {

    /**
     * Connection settings. {@code email}/{@code password} are optional and only needed for
     * {@link #listPayments}. {@code toString()} never shows the key or the password.
     *
     * @param baseUrl e.g. {@code https://api.nowpayments.io/v1}; a trailing slash is removed
     * @param maxRetries extra attempts for idempotent GETs on transient failures, 0 to 5
     * @param retryBackoff first backoff pause; doubled per retry, capped at 5 s
     */
    public record Settings(String baseUrl, String apiKey, String email, String password,
            Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration retryBackoff) {

        public static final int MAX_RETRIES = 5;

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            baseUrl = baseUrl.strip().replaceAll("/+$", "");
            requireHttpUrl(baseUrl);
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("requestTimeout", requestTimeout);
            requirePositive("retryBackoff", retryBackoff);
            if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
                throw new IllegalArgumentException("maxRetries must be between 0 and " + MAX_RETRIES);
            }
            if ((email == null || email.isBlank()) != (password == null || password.isBlank())) {
                throw new IllegalArgumentException("NOWPayments email and password go together");
            }
            if (email != null && email.isBlank()) {
                email = null;
                password = null;
            }
        }

        /** Production defaults: 5 s to connect, 15 s per request, 2 retries from 250 ms. */
        public static Settings of(String baseUrl, String apiKey) {
            return new Settings(baseUrl, apiKey, null, null, Duration.ofSeconds(5), Duration.ofSeconds(15),
                    2, Duration.ofMillis(250));
        }

        public Settings withCredentials(String email, String password) {
            return new Settings(baseUrl, apiKey, email, password, connectTimeout, requestTimeout, maxRetries,
                    retryBackoff);
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "-" : "***")
                    + ", email=" + (email == null ? "-" : email) + ", password=" + (password == null ? "-" : "***")
                    + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                    + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + "]";
        }

        private static void requireHttpUrl(String url) {
            try {
                URI uri = new URI(url);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + url);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
            }
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }

    private final ProviderHttp http;
    private final JwtSession jwt;
    /** The HTTP client built here, closed with this client; null when it was given. */
    private final BuiltAhead<OwnedHttpClient> owned;

    public NowPaymentsClient(Settings settings) {
        this(settings, ProviderCallObserver.NONE);
    }

    /** With every request told to {@code observer} (the metrics). */
    public NowPaymentsClient(Settings settings, ProviderCallObserver observer) {
        // built beside the rest of start-up: the JDK's HTTP client classes took 0.15 s of the start-up thread
        this(settings, BuiltAhead.start("provider-http-client", () -> OwnedHttpClient.build("provider-http", b -> b
                .connectTimeout(settings.connectTimeout())
                // Why never: a redirect could carry the x-api-key header to another host.
                .followRedirects(HttpClient.Redirect.NEVER))), observer);
    }

    /** With a given HttpClient (tests); its connect timeout and redirect policy are the caller's, and so is closing it. */
    public NowPaymentsClient(Settings settings, HttpClient httpClient) {
        this.http = new ProviderHttp(settings, BuiltAhead.of(httpClient), ProviderCallObserver.NONE);
        this.jwt = new JwtSession(http, settings.email(), settings.password());
        this.owned = null;
    }

    private NowPaymentsClient(Settings settings, BuiltAhead<OwnedHttpClient> owned, ProviderCallObserver observer) {
        this.http = new ProviderHttp(settings, () -> owned.get().client(), observer);
        this.jwt = new JwtSession(http, settings.email(), settings.password());
        this.owned = owned;
    }

    /** Stops the HTTP client's threads this client built (not one it was given). */
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.get().close();
        } catch (RuntimeException e) {
            // it was never built (its failure was thrown to every call): no thread to stop, and the rest of the
            // application's stop must go on
        }
    }

    /** Whether the account login for {@link #listPayments} is configured. */
    public boolean canListPayments() {
        return jwt.configured();
    }

    /** Logs in with the account email and password ({@code POST /auth}), or says why not. */
    public void checkLogin() {
        jwt.token();
    }

    /** {@code GET /status}, without the API key: is the provider up? */
    public ApiStatus status() {
        String message = ProviderJson.text(http.get("/status", false, null).json(), "message");
        return new ApiStatus("OK".equalsIgnoreCase(message), message);
    }

    /** {@code GET /merchant/coins}: the lowercase tickers enabled in the dashboard. */
    public List<String> merchantCoins() {
        JsonNode n = getJson("/merchant/coins");
        // The live API answers "selectedCurrencies"; the docs show "currencies"; some SDKs a bare array.
        JsonNode list = n.isArray() ? n : firstArray(n, "selectedCurrencies", "currencies");
        return CurrencyLists.tickers(list, "/merchant/coins");
    }

    /** {@code GET /currencies}: the lowercase tickers available to this account. */
    public List<String> currencies() {
        JsonNode n = getJson("/currencies");
        return CurrencyLists.tickers(n.isArray() ? n : n.get("currencies"), "/currencies");
    }

    /** {@code GET /currencies?fixed_rate=true}: coins with fixed-rate limits (null limits for a bare list). */
    public List<CurrencyLimit> fixedRateCurrencies() {
        JsonNode n = getJson("/currencies?fixed_rate=true");
        return CurrencyLists.map(n.isArray() ? n : n.get("currencies"), CurrencyLimit::from, "/currencies");
    }

    /** {@code GET /full-currencies}: every coin with network, precision and address rules. */
    public List<FullCurrency> fullCurrencies() {
        JsonNode n = getJson("/full-currencies");
        return CurrencyLists.map(n.isArray() ? n : n.get("currencies"), FullCurrency::from, "/full-currencies");
    }

    /** {@code GET /min-amount} for the standard rate; {@code to} and {@code fiatEquivalent} may be null. */
    public MinAmount minAmount(String from, String to, String fiatEquivalent) {
        return minAmount(from, to, fiatEquivalent, false, false);
    }

    /** {@code GET /min-amount}; call with the same flags as the payment, fixed-rate minimums are higher. */
    public MinAmount minAmount(String from, String to, String fiatEquivalent, boolean fixedRate,
            boolean feePaidByUser) {
        String query = QueryString.of("currency_from", RequestChecks.ticker("currency_from", from),
                "currency_to", RequestChecks.optionalTicker("currency_to", to),
                "fiat_equivalent", RequestChecks.optionalTicker("fiat_equivalent", fiatEquivalent),
                "is_fixed_rate", fixedRate ? "true" : null, "is_fee_paid_by_user", feePaidByUser ? "true" : null);
        JsonNode n = getJson("/min-amount" + query);
        return new MinAmount(ProviderJson.ticker(n, "currency_from"), ProviderJson.ticker(n, "currency_to"),
                ProviderJson.requiredDecimal(n, "min_amount"), ProviderJson.decimal(n, "fiat_equivalent"));
    }

    /** {@code GET /estimate}: about how much {@code to} the {@code amount} of {@code from} buys. */
    public Estimate estimate(BigDecimal amount, String from, String to) {
        String query = QueryString.of("amount", RequestChecks.positive("amount", amount).toPlainString(),
                "currency_from", RequestChecks.ticker("currency_from", from),
                "currency_to", RequestChecks.ticker("currency_to", to));
        JsonNode n = getJson("/estimate" + query);
        return new Estimate(ProviderJson.ticker(n, "currency_from"), ProviderJson.requiredDecimal(n, "amount_from"),
                ProviderJson.ticker(n, "currency_to"), ProviderJson.requiredDecimal(n, "estimated_amount"));
    }

    /** {@code POST /payment}: a deposit address. Never retried, see {@link ProviderHttp#post}. */
    public Payment createPayment(CreatePaymentRequest request) {
        ProviderHttp.Reply reply = http.post("/payment", request.toJson(), true);
        return Payment.from(reply.json(), reply.raw());
    }

    /** {@code GET /payment/{id}}; must use the API key that created the payment. */
    public Payment getPayment(String paymentId) {
        // Why digits only: the id goes into the URL path, and the provider rejects anything else.
        ProviderHttp.Reply reply = http.get("/payment/" + RequestChecks.digits("payment_id", paymentId), true, null);
        return Payment.from(reply.json(), reply.raw());
    }

    /**
     * {@code POST /payment/{id}/update-merchant-estimate}: a fresh quote once the old one
     * ({@code expiration_estimate_date}) lapsed. Not retried: it is a POST.
     */
    public EstimateUpdate updateMerchantEstimate(String paymentId) {
        String path = "/payment/" + RequestChecks.digits("payment_id", paymentId) + "/update-merchant-estimate";
        return EstimateUpdate.from(http.post(path, ProviderJson.object(), true).json());
    }

    /** {@code POST /invoice}: a hosted checkout page. */
    public Invoice createInvoice(CreateInvoiceRequest request) {
        return Invoice.from(http.post("/invoice", request.toJson(), true).json());
    }

    /** {@code POST /invoice-payment}: a deposit address for an existing invoice. */
    public Payment createInvoicePayment(InvoicePaymentRequest request) {
        ProviderHttp.Reply reply = http.post("/invoice-payment", request.toJson(), true);
        return Payment.from(reply.json(), reply.raw());
    }

    /**
     * {@code GET /payment/} with the account JWT (needs email and password in the settings). A
     * refused token is replaced once; a second refusal is reported.
     */
    public PaymentPage listPayments(ListPaymentsQuery query) {
        String path = "/payment/" + query.toQueryString();
        String token = jwt.token();
        try {
            return PaymentPage.from(http.get(path, true, token).json());
        } catch (NowPaymentsException e) {
            if (e.httpStatus() != 401 && e.httpStatus() != 403) {
                throw e;
            }
            jwt.invalidate(token);
            return PaymentPage.from(http.get(path, true, jwt.token()).json());
        }
    }

    private JsonNode getJson(String pathAndQuery) {
        return http.get(pathAndQuery, true, null).json();
    }

    private static JsonNode firstArray(JsonNode n, String... fields) {
        for (String f : fields) {
            if (n.path(f).isArray()) {
                return n.get(f);
            }
        }
        return null;
    }
}
