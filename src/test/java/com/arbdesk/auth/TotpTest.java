package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (8 digits, the three HMACs with their seeds), then the 6-digit rules we apply. */
class TotpTest {
    private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    private static String at(byte[] key, long seconds, String alg) {
        return Totp.code(key, Totp.step(Instant.ofEpochSecond(seconds)), 8, alg);
    }

    @Test
    void rfc6238Vectors() {
        long[] times = {59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(sha1[i], at(SHA1, times[i], "HmacSHA1"), "SHA1 at " + times[i]);
            assertEquals(sha256[i], at(SHA256, times[i], "HmacSHA256"), "SHA256 at " + times[i]);
            assertEquals(sha512[i], at(SHA512, times[i], "HmacSHA512"), "SHA512 at " + times[i]);
        }
    }

    @Test
    void sixDigitsAreTheLastSixOfTheRfcValue() {
        assertEquals("287082", Totp.code(SHA1, Instant.ofEpochSecond(59)));
        assertEquals("005924", Totp.code(SHA1, Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        for (int d = -1; d <= 1; d++) {
            String c = Totp.code(SHA1, step + d, 6);
            assertEquals(OptionalLong.of(step + d), Totp.match(SHA1, c, now, 0), "offset " + d);
        }
        assertTrue(Totp.match(SHA1, Totp.code(SHA1, step - 2, 6), now, 0).isEmpty());
        assertTrue(Totp.match(SHA1, Totp.code(SHA1, step + 2, 6), now, 0).isEmpty());
    }

    @Test
    void aCodeOnceUsedOrOlderIsRefused() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String c = Totp.code(SHA1, now);
        assertTrue(Totp.match(SHA1, c, now, step).isEmpty(), "the same step again");
        assertTrue(Totp.match(SHA1, Totp.code(SHA1, step - 1, 6), now, step).isEmpty(), "an earlier step");
        assertEquals(OptionalLong.of(step + 1), Totp.match(SHA1, Totp.code(SHA1, step + 1, 6), now, step));
    }

    @Test
    void malformedCodesAreRefused() {
        Instant now = Instant.ofEpochSecond(59);
        for (String bad : new String[] {null, "", "28708", "2870820", "28708a", " 287082", "２８７０８２"}) {
            assertTrue(Totp.match(SHA1, bad, now, 0).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SHA1));
        assertArrayEquals(SHA1, Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("MZXW6YTBOI======"));
    }
}
