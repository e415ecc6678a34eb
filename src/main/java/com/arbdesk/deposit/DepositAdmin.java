package com.arbdesk.deposit;

import com.arbdesk.db.Tx;
import com.arbdesk.web.AppException;
import com.arbdesk.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The back office's view of IPNs: the log, replay, and the numbers for the provider health panel. */
public final class DepositAdmin {
    private final Tx tx;
    private final IpnEventDao ipns;
    private final DepositDao deposits;
    private final IpnIntake intake;
    private final Duration staleAfter;
    private final DepositUpdater updater;
    private final Clock clock;

    public DepositAdmin(Tx tx, IpnEventDao ipns, DepositDao deposits, IpnIntake intake, DepositUpdater updater,
                        Duration staleAfter, Clock clock) {
        this.updater = updater;
        this.tx = tx;
        this.ipns = ipns;
        this.deposits = deposits;
        this.intake = intake;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** IPN figures for the provider health panel. */
    public record IpnHealth(java.time.Instant lastReceived, long failuresLastHour, long openDepositsOlderThanThreshold) {
    }

    public List<IpnEventDao.IpnEvent> ipns(String verdict, Long depositId, int limit, int offset) {
        return tx.read(c -> ipns.recent(c, verdict, depositId, Math.max(1, Math.min(limit, 500)), Math.max(0, offset)));
    }

    /** Runs a stored IPN again; safe because applying is idempotent. A signature failure stays a failure. */
    public DepositUpdater.Outcome replay(long id) {
        try {
            return intake.replay(id);
        } catch (AppException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            return new DepositUpdater.Outcome("rejected", e.getMessage(), null);
        }
    }

    /** Credits a re-deposit (or any deposit held for review) after an admin looked at it. */
    public DepositUpdater.Outcome approve(long depositId, long adminId) {
        return updater.approve(depositId, adminId);
    }

    public IpnHealth health() {
        return tx.read(c -> new IpnHealth(ipns.lastReceived(c).orElse(null),
                ipns.countSince(c, clock.instant().minus(Duration.ofHours(1)), List.of("invalid_signature", "malformed", "error")),
                deposits.openOlderThan(c, clock.instant().minus(staleAfter), 1000).size()));
    }
}
