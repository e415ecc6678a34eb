package com.arbdesk.nowpayments;

import java.time.Duration;

/**
 * Told about every HTTP request to the provider, each attempt of a retried GET on its own: the seam the
 * metrics hang on (boot wires it to Micrometer), so this package knows nothing of them.
 */
@FunctionalInterface
public interface ProviderCallObserver {
    /** Observes nothing. */
    ProviderCallObserver NONE = (method, endpoint, status, elapsed) -> { };

    /**
     * @param endpoint the path with ids as {@code {id}} and without the query, e.g. {@code /payment/{id}}
     * @param status the HTTP status ("200", "429"), or for no answer the failure in lower case ("timeout", "unavailable")
     */
    void called(String method, String endpoint, String status, Duration elapsed);

    /** The endpoint of a request path: the query dropped and every all-digit segment replaced by {@code {id}}. */
    static String endpointOf(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        return p.replaceAll("/\\d+(?=/|$)", "/{id}");
    }
}
