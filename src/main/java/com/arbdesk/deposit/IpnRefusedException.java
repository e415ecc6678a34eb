package com.arbdesk.deposit;

import com.arbdesk.web.AppException;
import com.arbdesk.web.ErrorCode;

/** An IPN refused before it was applied; carries the verdict written on its row, so a replay can report it. */
public final class IpnRefusedException extends AppException {
    private final IpnVerdict verdict;

    IpnRefusedException(IpnVerdict verdict, ErrorCode code, String message) {
        super(code, message);
        this.verdict = verdict;
    }

    public IpnVerdict verdict() {
        return verdict;
    }
}
