package com.arbdesk.nowpayments;

import com.arbdesk.nowpayments.IpnVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code x-nowpayments-sig} header of an IPN against its raw body: HMAC-SHA512, keyed
 * with the IPN secret, over the canonical JSON of the body. Immutable and safe to share between threads.
 */
public final class IpnVerifier {

    /** Largest body we parse; real IPNs are well under 1 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String ALGORITHM = "HmacSHA512";
    private static final Pattern SIGNATURE_HEX = Pattern.compile("[0-9a-fA-F]{128}");

    /** Null when no secret is configured; then every IPN is refused. */
    private final SecretKeySpec key;

    public IpnVerifier(String ipnSecret) {
        // Why trim: the provider's PHP sample and official SDK trim the secret, and a pasted secret
        // often carries a newline. Secrets never contain meaningful surrounding whitespace.
        this.key = ipnSecret == null || ipnSecret.isBlank()
                ? null
                : new SecretKeySpec(ipnSecret.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Returns normally only if the signature is authentic for this body, with the body parsed once: the
     * verified IPN's payment is read from the answer, never by parsing the bytes again.
     *
     * @throws IpnVerificationException with the reason the IPN must be refused
     */
    public IpnCanonicalJson verify(byte[] rawBody, String signatureHeader) throws IpnVerificationException {
        // Why fail closed: without a secret any caller could forge a "finished" payment.
        if (key == null) {
            throw new IpnVerificationException(Reason.NO_SECRET, "no IPN secret is configured");
        }
        if (rawBody == null) {
            throw new IpnVerificationException(Reason.MALFORMED_BODY, "no body");
        }
        // Why before parsing: an unauthenticated sender must not make us parse megabytes.
        if (rawBody.length > MAX_BODY_BYTES) {
            throw new IpnVerificationException(Reason.BODY_TOO_LARGE,
                    "body of " + rawBody.length + " bytes exceeds " + MAX_BODY_BYTES);
        }
        byte[] claimed = decodeSignature(signatureHeader);
        IpnCanonicalJson canonical;
        try {
            canonical = IpnCanonicalJson.parse(rawBody);
        } catch (MalformedIpnJsonException e) {
            throw new IpnVerificationException(Reason.MALFORMED_BODY, e.getMessage());
        }
        // Why two forms: the provider documents the recursive sort today, older integrations signed
        // with top-level sort only; both cover every field and both need the secret. Both are always
        // computed and compared in constant time so timing does not tell which one was tried.
        boolean recursive = MessageDigest.isEqual(hmac(canonical.recursiveForm()), claimed);
        boolean legacy = MessageDigest.isEqual(hmac(canonical.topLevelSortedForm()), claimed);
        if (!(recursive | legacy)) {
            throw new IpnVerificationException(Reason.SIGNATURE_MISMATCH,
                    "signature does not match the body");
        }
        return canonical;
    }

    private static byte[] decodeSignature(String header) throws IpnVerificationException {
        if (header == null || header.isBlank()) {
            throw new IpnVerificationException(Reason.MISSING_SIGNATURE, "no x-nowpayments-sig header");
        }
        String hex = header.strip();
        if (!SIGNATURE_HEX.matcher(hex).matches()) {
            throw new IpnVerificationException(Reason.MALFORMED_SIGNATURE,
                    "x-nowpayments-sig is not 128 hex characters (length " + hex.length() + ")");
        }
        // Comparing decoded bytes makes upper- and lower-case hex equal, as if both were lowercased.
        return HexFormat.of().parseHex(hex);
    }

    private byte[] hmac(String canonical) {
        // A new Mac per call: Mac instances are stateful and not thread-safe.
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is unavailable in this JVM", e);
        }
    }
}
