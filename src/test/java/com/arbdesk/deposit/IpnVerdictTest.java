package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.web.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpnVerdictTest {
    @Test
    void wireFormsAreTheStoredWords() {
        assertEquals(List.of("received", "applied", "duplicate", "ignored", "flagged", "unknown_payment", "invalid_signature",
                "malformed"), Arrays.stream(IpnVerdict.values()).map(IpnVerdict::wire).toList());
    }

    @Test
    void parsingRoundTripsAndRefusesOtherWords() {
        for (IpnVerdict v : IpnVerdict.values()) {
            assertEquals(v, IpnVerdict.fromWire(v.wire()));
            assertEquals(Optional.of(v), IpnVerdict.parse(" " + v.wire() + " "));
        }
        assertEquals(Optional.empty(), IpnVerdict.parse("error"), "no code writes error");
        assertEquals(Optional.empty(), IpnVerdict.parse("rejected"), "a refused replay reports the row's own verdict");
        assertEquals(Optional.empty(), IpnVerdict.parse(null));
        assertThrows(IllegalArgumentException.class, () -> IpnVerdict.fromWire("APPLIED"));
    }

    @Test
    void refusedAndProblemVerdicts() {
        assertTrue(IpnVerdict.INVALID_SIGNATURE.refused());
        assertTrue(IpnVerdict.MALFORMED.refused());
        assertFalse(IpnVerdict.UNKNOWN_PAYMENT.refused());
        assertTrue(IpnVerdict.UNKNOWN_PAYMENT.reachedNoDeposit());
        assertFalse(IpnVerdict.FLAGGED.reachedNoDeposit());
        assertFalse(IpnVerdict.APPLIED.reachedNoDeposit());
    }

    @Test
    void jsonCarriesTheWireForm() throws Exception {
        String json = Json.MAPPER.writeValueAsString(new DepositUpdater.Outcome(IpnVerdict.UNKNOWN_PAYMENT, "x", null));
        assertTrue(json.contains("\"verdict\":\"unknown_payment\""), json);
    }
}
