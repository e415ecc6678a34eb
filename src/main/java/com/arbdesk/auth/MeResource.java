package com.arbdesk.auth;

import com.arbdesk.auth.AuthDtos.MeResponse;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.web.AppException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** GET /api/me: who the caller is and their USD balance. */
@RolesAllowed(Roles.USER)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    AuthService auth;
    @Inject
    LedgerService ledger;
    @Context
    HttpServletRequest req;

    @GET
    public MeResponse me() {
        CurrentUser me = CurrentUser.of(req).orElseThrow();
        User user = auth.findById(me.id()).orElseThrow(() -> AppException.notFound("User"));
        return MeResponse.of(user, ledger.balance(user.id()));
    }
}
