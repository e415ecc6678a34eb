package com.arbdesk.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.deposit.DepositStatus;
import com.arbdesk.deposit.IpnVerdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositViewsTest {
    @Test
    void filtersOfferExactlyTheEnums() {
        assertEquals(Arrays.stream(DepositStatus.values()).map(DepositStatus::wire).toList(), DepositViews.STATUSES);
        assertEquals(Arrays.stream(IpnVerdict.values()).map(IpnVerdict::wire).toList(), DepositViews.VERDICTS);
        assertEquals(List.of(IpnVerdict.UNKNOWN_PAYMENT, IpnVerdict.INVALID_SIGNATURE, IpnVerdict.MALFORMED),
                DepositViews.IPN_PROBLEMS);
    }

    @Test
    void everyVerdictHasATone() {
        assertEquals("completed", DepositViews.tone(IpnVerdict.APPLIED));
        assertEquals("partially_paid", DepositViews.tone(IpnVerdict.FLAGGED));
        assertEquals("failed", DepositViews.tone(IpnVerdict.INVALID_SIGNATURE));
        assertEquals("failed", DepositViews.tone(IpnVerdict.UNKNOWN_PAYMENT));
        assertEquals("pending", DepositViews.tone(IpnVerdict.DUPLICATE));
        assertEquals("error", DepositViews.noticeTone("malformed"));
        assertEquals("success", DepositViews.noticeTone("applied"));
        assertEquals("info", DepositViews.noticeTone("duplicate"));
        assertEquals("info", DepositViews.noticeTone(null));
    }
}
