package com.arbdesk.nowpayments;

import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a non-2xx answer into a {@link NowPaymentsException}: reads the
 * {@code {status,statusCode,code,message}} envelope, falls back to the (truncated) raw text for
 * HTML and other non-JSON bodies, and classifies by code, message and HTTP status.
 */
final class ProviderErrors {

    static final int MAX_RAW_CHARS = 200;

    private static final Pattern CURRENCY_NOT_FOUND = Pattern.compile("currency \\S+ not found");

    private ProviderErrors() {
    }

    /**
     * @param secrets values that must never appear in a message (API key, password); blanks ignored
     */
    static NowPaymentsException fromResponse(int status, String body, List<String> secrets) {
        JsonNode envelope = ProviderJson.parseOrNull(body);
        String code = null;
        String message;
        if (envelope != null && envelope.isObject()) {
            code = ProviderJson.text(envelope, "code");
            message = ProviderJson.text(envelope, "message");
        } else {
            // Why redact before cutting: a cut could leave half a key that redaction no longer sees.
            message = rawExcerpt(redact(body, secrets));
        }
        return new NowPaymentsException(classify(status, code, message), status,
                redact(code, secrets), redact(message, secrets));
    }

    static Kind classify(int status, String code, String message) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        // Why every 403 is a key problem: that is the only 403 NOWPayments is known to send; the
        // JWT-protected call refreshes its token on 401/403 before this classification matters.
        if (c.equals("INVALID_API_KEY") || status == 403) {
            return Kind.INVALID_API_KEY;
        }
        if (c.equals("AUTH_REQUIRED") || status == 401) {
            return Kind.AUTH_REQUIRED;
        }
        if (c.equals("AMOUNT_MINIMAL_ERROR") || m.contains("less than minimal") || m.contains("too small")) {
            return Kind.AMOUNT_TOO_LOW;
        }
        // Checked before the 404/5xx rules: the provider answers an unknown coin with 404
        // "Currency cup not found" and a disabled one with 500 "...currently unavailable".
        if (c.equals("CURRENCY_UNAVAILABLE") || m.contains("currency is currently unavailable")
                || CURRENCY_NOT_FOUND.matcher(m).find()) {
            return Kind.CURRENCY_UNAVAILABLE;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status >= 400 && status < 500) {
            return Kind.INVALID_REQUEST;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        return Kind.UNEXPECTED;
    }

    /** The start of a non-JSON body (an nginx/Cloudflare HTML page), whitespace collapsed. */
    static String rawExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_RAW_CHARS ? flat : flat.substring(0, MAX_RAW_CHARS) + "...";
    }

    static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                out = out.replace(secret, "[redacted]");
            }
        }
        return out;
    }
}
