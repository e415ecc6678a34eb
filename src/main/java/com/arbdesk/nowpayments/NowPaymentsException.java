package com.arbdesk.nowpayments;

/**
 * Every failure of a NOWPayments call, classified into a {@link Kind} the caller can act on. The
 * message is safe to log: it never contains the API key, the account password or a JWT.
 */
public final class NowPaymentsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the point of view of what to do next. */
    public enum Kind {
        /** 403 INVALID_API_KEY: wrong, missing, or sandbox key on production (or the reverse). */
        INVALID_API_KEY,
        /** 401, or a JWT call without (working) account credentials. */
        AUTH_REQUIRED,
        /** 400 INVALID_REQUEST_PARAMS and other refusals; the provider message names the field. */
        INVALID_REQUEST,
        /** AMOUNT_MINIMAL_ERROR: below the minimum for the coin pair. */
        AMOUNT_TOO_LOW,
        /** The coin is unknown or temporarily disabled at the provider. */
        CURRENCY_UNAVAILABLE,
        /** 404 for anything else (usually an unknown payment id). */
        NOT_FOUND,
        /** 429; the provider sends an HTML page and no Retry-After. */
        RATE_LIMITED,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** Connection failure or 5xx. */
        UNAVAILABLE,
        /** An answer we cannot read. */
        UNEXPECTED;

        /** Transient kinds; only these are retried, and only for idempotent GETs. */
        public boolean isTransient() {
            return this == UNAVAILABLE || this == TIMEOUT || this == RATE_LIMITED;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final String providerCode;
    private final String providerMessage;
    private Long retryAfterSeconds;

    public NowPaymentsException(Kind kind, int httpStatus, String providerCode, String providerMessage) {
        this(kind, httpStatus, providerCode, providerMessage, null);
    }

    public NowPaymentsException(Kind kind, int httpStatus, String providerCode, String providerMessage,
            Throwable cause) {
        super(describe(kind, httpStatus, providerCode, providerMessage), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
    }

    static NowPaymentsException unexpected(String detail) {
        return new NowPaymentsException(Kind.UNEXPECTED, 0, null, detail);
    }

    static NowPaymentsException invalidRequest(String detail) {
        return new NowPaymentsException(Kind.INVALID_REQUEST, 0, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** The answer's Retry-After in seconds, when it sent one (the provider's HTML 429 usually does not). */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    NowPaymentsException withRetryAfter(Long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The envelope's {@code code}, e.g. INVALID_REQUEST_PARAMS; null when absent. */
    public String providerCode() {
        return providerCode;
    }

    /** The envelope's {@code message}, or the start of a non-JSON body; null when absent. */
    public String providerMessage() {
        return providerMessage;
    }

    /** A sentence an admin or a user can act on. */
    public String userMessage() {
        return switch (kind) {
            case INVALID_API_KEY -> "NOWPayments rejected the API key: check NOWPAYMENTS_API_KEY in the"
                    + " NOWPayments dashboard (production and sandbox keys differ).";
            case AUTH_REQUIRED -> "NOWPayments requires the account login for this call: check the"
                    + " NOWPayments account email and password in the configuration.";
            case INVALID_REQUEST -> "NOWPayments refused the request"
                    + (providerMessage == null ? "." : ": " + providerMessage + ".");
            case AMOUNT_TOO_LOW -> "The amount is below the minimum the payment provider accepts for this"
                    + " coin. Please enter a larger amount.";
            case CURRENCY_UNAVAILABLE -> "This coin is not available at the payment provider right now."
                    + " Please choose another coin or try again later.";
            case NOT_FOUND -> "The payment provider does not know this payment or currency.";
            case RATE_LIMITED -> "The payment provider is receiving too many requests. Please wait a"
                    + " few seconds and try again.";
            case TIMEOUT -> "The payment provider did not answer in time. Please try again in a minute.";
            case UNAVAILABLE -> "The payment provider is not reachable right now. Please try again in a minute.";
            case UNEXPECTED -> "The payment provider sent an answer we could not read. Please try again"
                    + " later and contact support if it persists.";
        };
    }

    private static String describe(Kind kind, int status, String code, String message) {
        StringBuilder sb = new StringBuilder(kind.name());
        if (status != 0 || code != null) {
            sb.append(" (").append(status == 0 ? "no HTTP status" : "HTTP " + status);
            sb.append(code == null ? "" : ", " + code).append(')');
        }
        return message == null ? sb.toString() : sb.append(": ").append(message).toString();
    }
}
