package com.arbdesk.nowpayments;

import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The HTTP plumbing of {@link NowPaymentsClient}: headers, timeouts, error mapping, and bounded
 * retries of idempotent GETs. Thread-safe.
 */
final class ProviderHttp {

    /** A successful answer: the parsed body and the exact text it came from. */
    record Reply(JsonNode json, String raw) {
    }

    /** Cap on one backoff pause; with at most {@code MAX_RETRIES} retries the total wait stays under 25 s. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final String USER_AGENT = "ArbDesk-NowPaymentsClient/1";

    private final NowPaymentsClient.Settings settings;
    private final Supplier<HttpClient> http;
    private final List<String> secrets;
    private final ProviderCallObserver observer;
    /** The base URL's own path (e.g. "/v1"), which is not part of an endpoint's name. */
    private final String basePath;

    ProviderHttp(NowPaymentsClient.Settings settings, Supplier<HttpClient> http, ProviderCallObserver observer) {
        this.settings = settings;
        this.http = http;
        this.observer = observer;
        String base = URI.create(settings.baseUrl()).getRawPath();
        this.basePath = base == null ? "" : base;
        this.secrets = List.of(nullToEmpty(settings.apiKey()), nullToEmpty(settings.password()));
    }

    /** A GET, retried on UNAVAILABLE, TIMEOUT and RATE_LIMITED with exponential backoff and jitter. */
    Reply get(String pathAndQuery, boolean withApiKey, String bearerToken) {
        for (int retry = 0; ; retry++) {
            try {
                return send(request(pathAndQuery, withApiKey, bearerToken).GET());
            } catch (NowPaymentsException e) {
                if (!e.kind().isTransient() || retry >= settings.maxRetries() || !pause(retry)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A POST, never retried. Why: creating a payment is not idempotent; after a timeout the payment
     * may exist, and a blind retry would create a second deposit address for the same order.
     */
    Reply post(String path, JsonNode body, boolean withApiKey) {
        return send(request(path, withApiKey, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderJson.write(body), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String pathAndQuery, boolean withApiKey, String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (withApiKey) {
            if (settings.apiKey() == null || settings.apiKey().isBlank()) {
                throw new NowPaymentsException(Kind.INVALID_API_KEY, 0, null, "no API key is configured");
            }
            b.header("x-api-key", settings.apiKey());
        }
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String path = request.uri().getRawPath();
        String endpoint = ProviderCallObserver.endpointOf(path.startsWith(basePath) ? path.substring(basePath.length()) : path);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = exchange(request);
        } catch (NowPaymentsException e) {
            observer.called(request.method(), endpoint, e.kind().name().toLowerCase(Locale.ROOT), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
        observer.called(request.method(), endpoint, Integer.toString(response.statusCode()), Duration.ofNanos(System.nanoTime() - start));
        int status = response.statusCode();
        String body = response.body();
        if (status < 200 || status >= 300) {
            throw ProviderErrors.fromResponse(status, body, secrets).withRetryAfter(retryAfter(response));
        }
        JsonNode json = ProviderJson.parseOrNull(body);
        if (json == null) {
            throw new NowPaymentsException(Kind.UNEXPECTED, status, null, "answer is not JSON: "
                    + ProviderErrors.rawExcerpt(ProviderErrors.redact(body, secrets)));
        }
        return new Reply(json, body);
    }

    /** One request and its answer, whatever the status; a failure to get an answer is a NowPaymentsException. */
    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            // A connect timeout means nobody answered the door: the provider is unreachable.
            throw new NowPaymentsException(Kind.UNAVAILABLE, 0, null, "connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new NowPaymentsException(Kind.TIMEOUT, 0, null,
                    "no answer within " + settings.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new NowPaymentsException(Kind.UNAVAILABLE, 0, null,
                    "connection failed (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NowPaymentsException(Kind.UNAVAILABLE, 0, null, "interrupted while waiting", e);
        }
    }

    /** Sleeps before retry number {@code retry + 1}; false when interrupted (then we stop retrying). */
    private boolean pause(int retry) {
        long base = settings.retryBackoff().toMillis();
        long cap = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(retry, 20));
        // "Equal jitter": half fixed, half random, so parallel callers do not retry in lock-step.
        long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Retry-After as delta seconds (the HTTP-date form is not used by the provider); null when absent. */
    private static Long retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Long.valueOf(v.strip())).orElse(null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
