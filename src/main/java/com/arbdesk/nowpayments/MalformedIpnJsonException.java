package com.arbdesk.nowpayments;

/**
 * Thrown when an IPN body is not the strict JSON we are willing to canonicalise and sign-check.
 * The message names the rule that was broken, never the body's content, so it is safe to log.
 */
public final class MalformedIpnJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedIpnJsonException(String message) {
        super(message);
    }
}
