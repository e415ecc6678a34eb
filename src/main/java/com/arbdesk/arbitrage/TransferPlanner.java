package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the network an opportunity's coin would travel on: of the networks both exchanges list for the asset,
 * those with withdrawals open on the buy side and deposits open on the sell side, the cheapest withdrawal first
 * (an unknown fee last), then the fastest. When none qualifies it says why: withdrawals closed, deposits closed,
 * or no common network.
 */
final class TransferPlanner {
    private static final Comparator<TransferStatus> CHEAPEST = Comparator
            .comparing(TransferStatus::withdrawalFee, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(s -> NetworkTimes.transferTime(s.network()).orElse(Duration.ofDays(1)))
            .thenComparing(TransferStatus::network);

    private TransferPlanner() {
    }

    /** @param from the buy exchange's rows for the asset (it withdraws), @param to the sell exchange's (it receives) */
    static Transfer plan(String asset, String fromExchange, String toExchange, List<TransferStatus> from, List<TransferStatus> to) {
        if (from.isEmpty() || to.isEmpty()) {
            String missing = from.isEmpty() ? fromExchange : toExchange;
            return new Transfer(asset, null, Transfer.Status.UNKNOWN, "no transfer data for " + asset + " on " + missing,
                    null, null, null, null, 0);
        }
        Map<String, TransferStatus> receiving = to.stream()
                .collect(Collectors.toMap(TransferStatus::network, Function.identity(), (a, b) -> a));
        List<TransferStatus> common = from.stream().filter(s -> receiving.containsKey(s.network())).sorted(CHEAPEST).toList();
        if (common.isEmpty()) {
            return new Transfer(asset, null, Transfer.Status.NOT_TRANSFERABLE, "no common network for " + asset + " between "
                    + fromExchange + " and " + toExchange, null, null, null, null, 0);
        }
        Optional<TransferStatus> open = common.stream()
                .filter(s -> s.withdrawalOpen() && receiving.get(s.network()).depositOpen()).findFirst();
        if (open.isPresent()) {
            return of(open.get(), Transfer.Status.TRANSFERABLE, null);
        }
        String reason;
        if (common.stream().noneMatch(TransferStatus::withdrawalOpen)) {
            reason = "withdrawals of " + asset + " closed on " + fromExchange;
        } else if (common.stream().noneMatch(s -> receiving.get(s.network()).depositOpen())) {
            reason = "deposits of " + asset + " closed on " + toExchange;
        } else {
            reason = "no common network with withdrawals open on " + fromExchange + " and deposits open on " + toExchange;
        }
        return of(common.get(0), Transfer.Status.NOT_TRANSFERABLE, reason);
    }

    private static Transfer of(TransferStatus s, Transfer.Status status, String reason) {
        return new Transfer(s.asset(), s.network(), status, reason, s.withdrawalFee(), s.minWithdrawal(),
                NetworkTimes.transferTime(s.network()).orElse(null), null, 0);
    }
}
