package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.realtime.WsTokens;
import com.arbdesk.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/ws-token: a single-use one-minute token for {@code /ws?token=}, for clients that cannot
 * send the session cookie; rate-limited per client address.
 */
@RolesAllowed(Roles.USER)
@Path("ws-token")
@Produces(MediaType.APPLICATION_JSON)
public class WsTokenResource {
    @Inject
    WsTokens tokens;
    @Context
    HttpServletRequest req;

    /** The token and how long it may be used to open a socket. */
    public record WsToken(String token, long expiresInSeconds) {
    }

    @GET
    public WsToken issue() {
        return new WsToken(tokens.issue(CurrentUser.of(req).orElseThrow().id(), req.getRemoteAddr()), WsTokens.TTL.toSeconds());
    }
}
