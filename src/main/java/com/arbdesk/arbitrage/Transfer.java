package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * How an opportunity's coin gets from the buy exchange to the sell exchange: the asset and the network assumed
 * (the cheapest open on both sides, or the cheapest common one when none is open), whether it can move and why
 * not, the withdrawal fee and minimum there, the typical transfer time, and the capture odds: the share (in %) of
 * the route's past episodes that lasted longer than that time, null when there are none (pastEpisodes = 0).
 */
public record Transfer(String asset, String network, Status status, String reason, BigDecimal withdrawalFee,
                       BigDecimal minWithdrawal, Duration time, BigDecimal captureOddsPct, int pastEpisodes) {
    /** Whether the coin can be moved: yes, no (a side is closed or no network is shared), or not known (no data). */
    public enum Status {
        TRANSFERABLE, UNKNOWN, NOT_TRANSFERABLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean transferable() {
        return status == Status.TRANSFERABLE;
    }

    Transfer withCaptureOdds(BigDecimal pct, int episodes) {
        return new Transfer(asset, network, status, reason, withdrawalFee, minWithdrawal, time, pct, episodes);
    }
}
