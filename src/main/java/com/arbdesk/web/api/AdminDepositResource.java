package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositDao;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.deposit.IpnEventDao;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.deposit.ReconcileHealth;
import com.arbdesk.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Back-office deposit API: all deposits with filters, one deposit's timeline and IPNs, re-check, the IPN log and replay. */
@RolesAllowed(Roles.ADMIN)
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDepositResource {
    @Inject
    DepositService deposits;
    @Inject
    DepositAdmin admin;
    @Context
    HttpServletRequest req;

    /** A deposit with its user, the reconciler's schedule for it, its timeline and IPNs. */
    public record DepositDetail(DepositResponse deposit, long userId, String userEmail, Deposit.Watch watch,
                                List<DepositDao.Event> timeline, List<IpnEventDao.IpnEvent> ipns) {
    }

    /** The reconciler's health: {@code lag_seconds} is how overdue the most overdue check is. */
    public record ReconcilerResponse(long lagSeconds, Instant oldestDue, long checksLastHour, long errorsLastHour,
                                     String lastError, long watched, long unwatched, Instant lastPass, Instant pausedUntil,
                                     String requestsPerSecond, boolean invoiceRecovery, String invoiceRecoveryMessage) {
        static ReconcilerResponse of(ReconcileHealth h) {
            return new ReconcilerResponse(h.lag().toSeconds(), h.oldestDue(), h.checksLastHour(), h.errorsLastHour(),
                    h.lastError(), h.watched(), h.unwatched(), h.lastPass(), h.pausedUntil(),
                    h.requestsPerSecond().toPlainString(), h.invoiceRecovery(),
                    h.invoiceRecovery() ? null : ReconcileHealth.NO_INVOICE_RECOVERY);
        }
    }

    @GET
    @Path("deposits")
    public List<DepositResponse> deposits(@QueryParam("status") String status, @QueryParam("currency") String currency,
                                          @QueryParam("flagged") boolean flagged,
                                          @QueryParam("limit") @DefaultValue("50") int limit,
                                          @QueryParam("offset") @DefaultValue("0") int offset) {
        return deposits.list(null, blank(status), blank(currency), flagged, limit, offset).stream()
                .map(d -> DepositResponse.of(d, req.getContextPath())).toList();
    }

    @GET
    @Path("deposits/{id}")
    public DepositDetail deposit(@PathParam("id") long id) {
        Deposit d = deposits.get(id);
        return new DepositDetail(DepositResponse.of(d, req.getContextPath()), d.userId(), d.userEmail(), d.watch(),
                deposits.timeline(id), admin.ipns(null, id, 100, 0));
    }

    /** Watch a deposit again after its window ended (or extend it), and check it now. */
    @POST
    @Path("deposits/{id}/watch")
    public DepositResponse watchAgain(@PathParam("id") long id) {
        return DepositResponse.of(admin.watchAgain(id), req.getContextPath());
    }

    @GET
    @Path("reconciler")
    public ReconcilerResponse reconciler() {
        return ReconcilerResponse.of(admin.reconcilerHealth());
    }

    @POST
    @Path("deposits/{id}/recheck")
    public DepositResponse recheck(@PathParam("id") long id) {
        return DepositResponse.of(admin.recheck(id), req.getContextPath());
    }

    @POST
    @Path("deposits/{id}/approve")
    public DepositUpdater.Outcome approve(@PathParam("id") long id) {
        return admin.approve(id, CurrentUser.of(req).orElseThrow().id());
    }

    @GET
    @Path("ipn")
    public List<IpnEventDao.IpnEvent> ipns(@QueryParam("verdict") String verdict,
                                           @QueryParam("limit") @DefaultValue("100") int limit,
                                           @QueryParam("offset") @DefaultValue("0") int offset) {
        if (blank(verdict) == null) {
            return admin.ipns(null, null, limit, offset);
        }
        // a word that is no verdict matches no row, as it did when the filter was a bare string
        return IpnVerdict.parse(verdict).map(v -> admin.ipns(v, null, limit, offset)).orElse(List.of());
    }

    @POST
    @Path("ipn/{id}/replay")
    public DepositUpdater.Outcome replay(@PathParam("id") long id) {
        return admin.replay(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
