package com.arbdesk.web.api;

import com.arbdesk.auth.AuthService;
import com.arbdesk.config.AppConfig;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.web.AuthCookies;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Requests;
import com.arbdesk.web.api.AuthDtos.Credentials;
import com.arbdesk.web.api.AuthDtos.MeResponse;
import com.arbdesk.web.api.AuthDtos.SecondFactorChallengeResponse;
import com.arbdesk.web.api.AuthDtos.SecondFactorLoginRequest;
import com.arbdesk.web.api.AuthDtos.SessionResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sign-up, login and logout over JSON; the session token is returned and set as an HttpOnly cookie.
 * Sign-up is rate-limited per client address, login by auth/LoginThrottle.
 */
@PermitAll
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
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

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signup(Credentials body) {
        Credentials c = Credentials.require(body);
        AuthService.Session s = auth.signup(c.email(), c.password(), Requests.client(req));
        return Response.status(Response.Status.CREATED).entity(session(s)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object login(Credentials body) {
        Credentials c = Credentials.require(body);
        AuthService.LoginOutcome outcome = auth.login(c.email(), c.password(), Requests.client(req));
        if (outcome instanceof AuthService.SecondFactorNeeded n) {
            return new SecondFactorChallengeResponse(true, n.challenge(), n.expiresInSeconds());
        }
        return session((AuthService.Session) outcome);
    }

    /** The second step of a login for an account with a second factor. */
    @POST
    @Path("login/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionResponse loginWithCode(SecondFactorLoginRequest body) {
        SecondFactorLoginRequest r = SecondFactorLoginRequest.require(body);
        return session(auth.completeLogin(r.challenge(), r.code(), Requests.client(req)));
    }

    /** Ends the caller's session on the server (a copy of the token stops working too) and clears the cookie. */
    @POST
    @Path("logout")
    public Response logout() {
        auth.logout(CurrentUser.of(req).map(CurrentUser::sessionId).orElse(null));
        AuthCookies.clearSession(req, resp, config.secureCookies());
        return Response.noContent().build();
    }

    private SessionResponse session(AuthService.Session s) {
        AuthCookies.setSession(req, resp, s.token(), config.secureCookies());
        return new SessionResponse(MeResponse.of(s.user(), ledger.balance(s.user().id())), s.token());
    }
}
