package com.arbdesk.deposit;

import com.arbdesk.auth.Roles;
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

    /** A deposit with its user, timeline and IPNs. */
    public record DepositDetail(DepositResponse deposit, long userId, String userEmail, List<DepositDao.Event> timeline,
                                List<IpnEventDao.IpnEvent> ipns) {
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
        return new DepositDetail(DepositResponse.of(d, req.getContextPath()), d.userId(), d.userEmail(), deposits.timeline(id),
                admin.ipns(null, id, 100, 0));
    }

    @POST
    @Path("deposits/{id}/recheck")
    public DepositResponse recheck(@PathParam("id") long id) {
        return DepositResponse.of(deposits.refreshed(id), req.getContextPath());
    }

    @POST
    @Path("deposits/{id}/approve")
    public DepositUpdater.Outcome approve(@PathParam("id") long id) {
        return admin.approve(id, com.arbdesk.auth.CurrentUser.of(req).orElseThrow().id());
    }

    @GET
    @Path("ipn")
    public List<IpnEventDao.IpnEvent> ipns(@QueryParam("verdict") String verdict,
                                           @QueryParam("limit") @DefaultValue("100") int limit,
                                           @QueryParam("offset") @DefaultValue("0") int offset) {
        return admin.ipns(blank(verdict), null, limit, offset);
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
