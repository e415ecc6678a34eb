package com.arbdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast reader of stored instants agrees with Instant.parse on everything Instant.toString writes, and on refusals. */
class StoredInstantsTest {
    @Test
    void agreesWithInstantParseOnWhatToStringWrites() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            long seconds = r.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(t, StoredInstants.parse(t.toString()), t.toString());
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), StoredInstants.parse("2024-02-29T23:59:59.5Z"));
    }

    @Test
    void whatItDoesNotReadItselfGoesToInstantParse() {
        // odd but possible shapes: each reads as Instant.parse reads it, or is refused as Instant.parse refuses it
        for (String odd : new String[] {"2026-12-01T10:00:00+02:00", "2026-12-01T24:00:00Z", "2026-12-01T10:00:00.Z",
                "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-01T10:00:00.1234567890Z", "2026-12-01X10:00:00Z",
                "20x6-12-01T10:00:00Z", "+12026-12-01T10:00:00Z", "2026-12-01t10:00:00z", ""}) {
            Instant expected;
            try {
                expected = Instant.parse(odd);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> StoredInstants.parse(odd), odd);
                continue;
            }
            assertEquals(expected, StoredInstants.parse(odd), odd);
        }
    }
}
