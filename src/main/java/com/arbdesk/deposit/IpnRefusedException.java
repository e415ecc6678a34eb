package com.arbdesk.deposit;

import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;

/** An IPN refused before it was applied; carries the verdict written on its row, so a replay can report it. */
public final class IpnRefusedException extends Failure {
    private final IpnVerdict verdict;

    IpnRefusedException(IpnVerdict verdict, FailureCode code, String message) {
        super(code, message, false); // an expected outcome: no stack trace (see Failure)
        this.verdict = verdict;
    }

    public IpnVerdict verdict() {
        return verdict;
    }
}
