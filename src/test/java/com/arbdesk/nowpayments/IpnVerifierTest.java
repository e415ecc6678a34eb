package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arbdesk.nowpayments.IpnVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The verifier's rules: fail closed, size and header checks, both signed forms, thread safety. */
class IpnVerifierTest {

    private static final String SECRET = "test-ipn-secret";
    private static final String TV2_RECURSIVE_SIG =
            "1b6be51d5b318df11f120aaf9ee56ba94b34bd97a1a35fa90b3e46b6de55baf0"
            + "94487d61d30a73bf589c3b5afa6c7aeb8e204ebfadfa66b1d26eb7031c1f6dec";

    private final Map<String, Object> payload = samplePayload();
    private final byte[] body = bytes(IpnTestSigner.wireBodyOf(payload));
    private final String signature = IpnTestSigner.sign(SECRET, IpnTestSigner.canonicalOf(payload));

    @Test
    void testSignerReproducesThePublishedSdkVector() {
        assertEquals(TV2_RECURSIVE_SIG, IpnTestSigner.sign("secret", "{\"a\":{\"c\":3,\"d\":4},\"b\":2}"));
    }

    @Test
    void bodySignedByTheIndependentTestSignerVerifies() {
        assertDoesNotThrow(() -> new IpnVerifier(SECRET).verify(body, signature));
    }

    @Test
    void topLevelOnlySignatureAlsoVerifies() {
        String legacy = "{\"fee\":{\"withdrawalFee\":0,\"currency\":\"usdttrc20\"},\"payment_id\":42}";
        byte[] wire = bytes("{\"payment_id\":42,\"fee\":{\"withdrawalFee\":0,\"currency\":\"usdttrc20\"}}");
        assertDoesNotThrow(() -> new IpnVerifier(SECRET).verify(wire, IpnTestSigner.sign(SECRET, legacy)));
    }

    @Test
    void failsClosedWithoutSecret() {
        assertReason(Reason.NO_SECRET, new IpnVerifier(null), body, signature);
        assertReason(Reason.NO_SECRET, new IpnVerifier(""), body, signature);
        assertReason(Reason.NO_SECRET, new IpnVerifier(" \t\n"), body, signature);
    }

    @Test
    void secretIsTrimmed() {
        assertDoesNotThrow(() -> new IpnVerifier("  " + SECRET + "\n").verify(body, signature));
    }

    @Test
    void signatureMadeWithAnotherSecretIsAMismatch() {
        String other = IpnTestSigner.sign(SECRET + "x", IpnTestSigner.canonicalOf(payload));
        assertReason(Reason.SIGNATURE_MISMATCH, new IpnVerifier(SECRET), body, other);
    }

    @Test
    void bodyOfExactly64KibIsParsedAndOneByteMoreIsRefused() {
        Map<String, Object> big = samplePayload();
        big.put("order_description", "");
        int padding = IpnVerifier.MAX_BODY_BYTES - bytes(IpnTestSigner.wireBodyOf(big)).length;
        big.put("order_description", "x".repeat(padding));
        byte[] atLimit = bytes(IpnTestSigner.wireBodyOf(big));
        assertEquals(65536, atLimit.length);
        String bigSignature = IpnTestSigner.sign(SECRET, IpnTestSigner.canonicalOf(big));
        assertDoesNotThrow(() -> new IpnVerifier(SECRET).verify(atLimit, bigSignature));

        big.put("order_description", "x".repeat(padding + 1));
        byte[] overLimit = bytes(IpnTestSigner.wireBodyOf(big));
        assertEquals(65537, overLimit.length);
        String overSignature = IpnTestSigner.sign(SECRET, IpnTestSigner.canonicalOf(big));
        assertReason(Reason.BODY_TOO_LARGE, new IpnVerifier(SECRET), overLimit, overSignature);
    }

    @Test
    void uppercaseHexHeaderIsAccepted() {
        String upper = signature.toUpperCase(Locale.ROOT);
        assertDoesNotThrow(() -> new IpnVerifier(SECRET).verify(body, upper));
    }

    @Test
    void missingOrBlankHeaderIsRefused() {
        assertReason(Reason.MISSING_SIGNATURE, new IpnVerifier(SECRET), body, null);
        assertReason(Reason.MISSING_SIGNATURE, new IpnVerifier(SECRET), body, "");
        assertReason(Reason.MISSING_SIGNATURE, new IpnVerifier(SECRET), body, "   ");
    }

    @Test
    void headerThatIsNot128HexCharactersIsRefused() {
        IpnVerifier verifier = new IpnVerifier(SECRET);
        assertReason(Reason.MALFORMED_SIGNATURE, verifier, body, signature.substring(1));
        assertReason(Reason.MALFORMED_SIGNATURE, verifier, body, signature + "0");
        assertReason(Reason.MALFORMED_SIGNATURE, verifier, body, "g" + signature.substring(1));
        assertReason(Reason.MALFORMED_SIGNATURE, verifier, body, "sha512=" + signature);
        assertReason(Reason.MALFORMED_SIGNATURE, verifier, body, signature.substring(0, 64) + " "
                + signature.substring(65));
    }

    @Test
    void malformedBodyIsRefusedBeforeAnyHmac() {
        IpnVerifier verifier = new IpnVerifier(SECRET);
        assertReason(Reason.MALFORMED_BODY, verifier, bytes("{\"payment_id\":1,\"payment_id\":2}"), signature);
        assertReason(Reason.MALFORMED_BODY, verifier, bytes("not json"), signature);
        assertReason(Reason.MALFORMED_BODY, verifier, null, signature);
    }

    @Test
    void tamperedBodyIsAMismatchAndTheMessageLeaksNothing() {
        Map<String, Object> tampered = samplePayload();
        tampered.put("payment_status", "finished");
        IpnVerificationException e = assertReason(Reason.SIGNATURE_MISMATCH, new IpnVerifier(SECRET),
                bytes(IpnTestSigner.wireBodyOf(tampered)), signature);
        String expected = IpnTestSigner.sign(SECRET, IpnTestSigner.canonicalOf(tampered));
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(expected));
        assertFalse(e.getMessage().contains(expected.substring(0, 16)));
    }

    @Test
    void oneVerifierIsSafeToShareBetweenThreads() throws Exception {
        IpnVerifier verifier = new IpnVerifier(SECRET);
        byte[] bad = bytes(IpnTestSigner.wireBodyOf(Map.of("payment_id", 1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> accepts(verifier, good ? body : bad, signature) == good));
            }
            for (Future<Boolean> result : results) {
                assertEquals(Boolean.TRUE, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean accepts(IpnVerifier verifier, byte[] body, String signature) {
        try {
            verifier.verify(body, signature);
            return true;
        } catch (IpnVerificationException e) {
            return false;
        }
    }

    private static IpnVerificationException assertReason(Reason reason, IpnVerifier verifier,
            byte[] body, String signature) {
        IpnVerificationException e = assertThrows(IpnVerificationException.class,
                () -> verifier.verify(body, signature));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    /** A payment IPN in wire (unsorted) order, with a nested fee object and non-ASCII text. */
    private static Map<String, Object> samplePayload() {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("withdrawalFee", 0);
        fee.put("currency", "usdttrc20");
        fee.put("depositFee", 1);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("payment_id", 5000000001L);
        payload.put("payment_status", "partially_paid");
        payload.put("order_description", "Café/Über \"q\" €");
        payload.put("pay_amount", "12.5");
        payload.put("fee", fee);
        payload.put("payment_extra_ids", List.of(5000000002L, 5000000003L));
        payload.put("parent_payment_id", null);
        payload.put("is_fixed_rate", true);
        return payload;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
