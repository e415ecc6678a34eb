package com.arbdesk.web.pages;

import com.arbdesk.deposit.DepositAdmin;
import java.util.Arrays;
import java.util.Locale;

/** The actions of the deposit page: the path word (the name), the notice word in the redirect and its message. */
enum DepositAction {
    RECHECK("rechecked", "Re-checked with the provider."),
    APPROVE("approved", "Approved and credited."),
    WATCH("watched", "Watched again: checked now, then polled for another grace period.");

    final String notice;
    final String message;

    DepositAction(String notice, String message) {
        this.notice = notice;
        this.message = message;
    }

    void run(DepositAdmin admin, long depositId, long adminId) {
        switch (this) {
            case RECHECK -> admin.recheck(depositId);
            case APPROVE -> admin.approve(depositId, adminId);
            case WATCH -> admin.watchAgain(depositId);
        }
    }

    /** The action of "/{id}/recheck" and the like, spelled exactly so. */
    static DepositAction byPath(String pathInfo, long id) {
        return Arrays.stream(values()).filter(a -> pathInfo.equals("/" + id + "/" + a.name().toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    static DepositAction byNotice(String notice) {
        return Arrays.stream(values()).filter(a -> a.notice.equals(notice)).findFirst().orElse(null);
    }
}
