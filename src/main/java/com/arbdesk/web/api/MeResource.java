package com.arbdesk.web.api;

import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.Roles;
import com.arbdesk.auth.User;
import com.arbdesk.config.AppConfig;
import com.arbdesk.core.Failure;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.web.AuthCookies;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Requests;
import com.arbdesk.web.api.AuthDtos.ChangePasswordRequest;
import com.arbdesk.web.api.AuthDtos.MeResponse;
import com.arbdesk.web.api.AuthDtos.SessionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** /api/me: who the caller is and their USD balance, their password and their open sessions. */
@RolesAllowed(Roles.USER)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    AuthService auth;
    @Inject
    LedgerService ledger;
    @Inject
    AppConfig config;
    @Context
    HttpServletRequest req;
    @Context
    HttpServletResponse resp;

    @GET
    public MeResponse me() {
        CurrentUser me = CurrentUser.of(req).orElseThrow();
        User user = auth.findById(me.id()).orElseThrow(() -> Failure.notFound("User"));
        return MeResponse.of(user, ledger.balance(user.id()));
    }

    /** Changes the password; every other session of the user ends, this one stays open. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(ChangePasswordRequest body) {
        ChangePasswordRequest r = ChangePasswordRequest.require(body);
        CurrentUser me = CurrentUser.of(req).orElseThrow();
        auth.changePassword(me.id(), me.sessionId(), r.currentPassword(), r.newPassword(), Requests.client(req));
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    public List<SessionView> sessions() {
        CurrentUser me = CurrentUser.of(req).orElseThrow();
        return auth.openSessions(me.id()).stream().map(s -> SessionView.of(s, me.sessionId())).toList();
    }

    /** Log out everywhere: ends every session of the user, this one included. */
    @DELETE
    @Path("sessions")
    public Response logoutEverywhere() {
        auth.logoutEverywhere(CurrentUser.of(req).orElseThrow().id());
        AuthCookies.clearSession(req, resp, config.secureCookies());
        return Response.noContent().build();
    }
}
