package com.arbdesk.web.api;

import com.arbdesk.arbitrage.HoldingsRanking.Holding;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.deposit.DepositStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The coins and networks a user holds or is depositing, as the deposit-aware ranking takes them: from their
 * deposits through the deposit feature's service (the arbitrage feature never reads deposits itself). A deposit
 * under way counts as "depositing"; one completed in the last {@link #RECENT} as "held". The ledger's balance is
 * kept in USD and names no coin, so it does not enter.
 */
final class DepositHoldings {
    static final Duration RECENT = Duration.ofDays(30);
    private static final Set<DepositStatus> UNDER_WAY = Set.of(DepositStatus.PENDING, DepositStatus.CONFIRMING,
            DepositStatus.PARTIALLY_PAID);
    private static final int LOOK_AT = 100;

    private DepositHoldings() {
    }

    static List<Holding> of(DepositService deposits, long userId, Instant now) {
        List<Holding> out = new ArrayList<>();
        for (Deposit d : deposits.list(userId, null, null, false, LOOK_AT, 0)) {
            if (d.currency() == null || d.network() == null) {
                continue;
            }
            boolean pending = UNDER_WAY.contains(d.status());
            boolean held = d.status() == DepositStatus.COMPLETED && d.createdAt() != null
                    && d.createdAt().isAfter(now.minus(RECENT));
            Holding h = new Holding(d.currency(), d.network(), pending);
            if ((pending || held) && !out.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }
}
