package com.arbdesk.nowpayments;

/**
 * The one failure type of {@link IpnVerifier}: the IPN must not be acted on. The message is safe to
 * log; it never contains the secret or the signature we expected.
 */
public final class IpnVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an IPN was refused. */
    public enum Reason {
        NO_SECRET,
        BODY_TOO_LARGE,
        MISSING_SIGNATURE,
        MALFORMED_SIGNATURE,
        MALFORMED_BODY,
        SIGNATURE_MISMATCH
    }

    private final Reason reason;

    public IpnVerificationException(Reason reason, String message) {
        // an expected outcome, not a bug: no stack trace, so a flood of forged IPNs costs no stack walks
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
