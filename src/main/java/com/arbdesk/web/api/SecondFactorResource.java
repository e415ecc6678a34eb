package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Requests;
import com.arbdesk.web.api.AuthDtos.CodeRequest;
import com.arbdesk.web.api.AuthDtos.EnrolmentResponse;
import com.arbdesk.web.api.AuthDtos.RecoveryCodesResponse;
import com.arbdesk.web.api.AuthDtos.SecondFactorStatusResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /api/me/second-factor: the caller's TOTP second factor (start, confirm with a code, turn off). */
@RolesAllowed(Roles.USER)
@Path("me/second-factor")
@Produces(MediaType.APPLICATION_JSON)
public class SecondFactorResource {
    @Inject
    SecondFactorService secondFactor;
    @Context
    HttpServletRequest req;

    @GET
    public SecondFactorStatusResponse status() {
        SecondFactorService.Status s = secondFactor.status(me().id());
        return new SecondFactorStatusResponse(s.enrolled(), s.pending(), s.recoveryCodesLeft());
    }

    /** Starts (or restarts) an enrolment: 201 with the secret and its otpauth:// URI; 409 while one is confirmed. */
    @POST
    public Response start() {
        CurrentUser me = me();
        SecondFactorService.Enrolment e = secondFactor.start(me.id(), me.email());
        return Response.status(Response.Status.CREATED).entity(new EnrolmentResponse(e.secretBase32(), e.otpauthUri())).build();
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public RecoveryCodesResponse confirm(CodeRequest body) {
        CurrentUser me = me();
        return new RecoveryCodesResponse(secondFactor.confirm(me.id(), me.email(), CodeRequest.require(body).code(),
                Requests.client(req).address()));
    }

    @POST
    @Path("disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disable(CodeRequest body) {
        secondFactor.disable(me().id(), CodeRequest.require(body).code(), Requests.client(req).address());
        return Response.noContent().build();
    }

    private CurrentUser me() {
        return CurrentUser.of(req).orElseThrow();
    }
}
