package com.arbdesk.web;

import com.arbdesk.auth.AuthenticatedSession;
import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.Roles;
import com.arbdesk.auth.User;
import com.arbdesk.core.FailureCode;
import com.arbdesk.web.access.Routes.Route;
import com.arbdesk.web.access.Routes;
import com.arbdesk.web.live.LiveEndpoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Works out who is calling (session cookie, bearer token, or a WebSocket token on the socket route) and
 * applies the access rule declared on the route the request reaches ({@link Routes}): anonymous API and
 * socket calls get 401 JSON, anonymous page visits a redirect to the login page, a caller without the
 * role 403. Every decision is made on the path Tomcat routes on; the canonical-path filter before this one
 * has already refused spellings that could make the raw URI and that path disagree. JAX-RS methods are
 * checked by {@link com.arbdesk.web.access.AccessFeature} through the principal and roles set here.
 */
public final class AuthFilter extends HttpFilter {
    public static final String SECOND_FACTOR_FIRST =
            "Set up a second factor on your Account page first: admin actions need one in production";

    private transient Services app;
    private transient Routes routes;

    @Override
    public void init() {
        app = Services.from(getServletContext());
        routes = new Routes(getServletContext(), List.of(LiveEndpoint.class));
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = Routes.pathOf(req);
        if (!sandboxGate(path, resp)) {
            return;
        }
        req.setAttribute("sandboxEnabled", app.config().sandbox().enabled());
        Route route = routes.of(req);
        boolean socket = route.kind() == Routes.Kind.SOCKET;
        CurrentUser current = identify(req, resp, socket);
        if (current != null) {
            req.setAttribute(CurrentUser.ATTRIBUTE, current);
        }
        if (socket && !sameOrigin(req)) {
            ErrorBody.write(resp, FailureCode.FORBIDDEN, "WebSocket connections from other sites are refused");
            return;
        }
        switch (route.rule().decide(current, role -> Roles.holds(current.role(), role))) {
            case ALLOW -> {
                if (current != null && current.secondFactorDue() && route.rule().roles().contains(Roles.ADMIN)) {
                    refuseUntilEnrolled(req, resp, route);
                    return;
                }
                if (current != null && route.kind() == Routes.Kind.PAGE) {
                    // pages carry the live stream's position they were rendered at, so live.js resumes exactly there
                    req.setAttribute("liveSeq", app.livePublisher().latestSeq(current.id()));
                    req.setAttribute("alertsUnread", app.alerts().unread(current.id()));
                }
                chain.doFilter(current == null ? req : new Authenticated(req, current), resp);
            }
            case UNAUTHENTICATED -> {
                if (route.answersJson()) {
                    ErrorBody.write(resp, FailureCode.UNAUTHENTICATED, "Log in to use this resource");
                } else {
                    String target = req.getQueryString() == null ? path : path + "?" + req.getQueryString();
                    resp.sendRedirect(req.getContextPath() + "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
                }
            }
            case FORBIDDEN -> {
                if (route.answersJson()) {
                    ErrorBody.write(resp, FailureCode.FORBIDDEN, "Administrators only");
                } else {
                    resp.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
        }
    }

    /** An admin without a second factor in production: 403 with a code to match on, or a page pointing to the Account page. */
    private static void refuseUntilEnrolled(HttpServletRequest req, HttpServletResponse resp, Route route)
            throws IOException, ServletException {
        if (route.answersJson()) {
            ErrorBody.write(resp, FailureCode.SECOND_FACTOR_REQUIRED, SECOND_FACTOR_FIRST);
        } else {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            Pages.render(req, resp, "auth/second-factor-required.jsp");
        }
    }

    /** The caller, or null: a bearer header first, then (on the socket route only) a WebSocket token, then the cookie. */
    private CurrentUser identify(HttpServletRequest req, HttpServletResponse resp, boolean socket) {
        String header = req.getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<String> cookie = AuthCookies.read(req, AuthCookies.SESSION);
        Optional<AuthenticatedSession> session = Optional.empty();
        Optional<User> user = Optional.empty();
        String wsToken = socket ? req.getParameter("token") : null;
        if (bearer) {
            session = app.auth().authenticate(header.substring(7).trim());
        } else if (wsToken != null) {
            // a non-browser WebSocket client: a single-use one-minute token from GET /api/ws-token, signed with WS_SECRET
            user = app.wsTokens().verify(wsToken).flatMap(app.auth()::findById).filter(u -> !u.disabled());
        } else if (cookie.isPresent()) {
            session = app.auth().authenticate(cookie.get());
            if (session.isEmpty()) {
                AuthCookies.clearSession(req, resp, app.config().secureCookies());
            }
        }
        if (session.isPresent()) {
            user = session.map(AuthenticatedSession::user);
        }
        if (user.isEmpty()) {
            return null;
        }
        Instant expires = null;
        if (socket) {
            // a socket outlives its handshake: it is closed when the session it opened with ends
            expires = session.map(AuthenticatedSession::expiresAt).orElse(app.clock().instant().plus(JwtService.SESSION_TTL));
        }
        User u = user.get();
        // production refuses admin actions until the admin has a second factor (demo mode does not insist)
        boolean due = u.isAdmin() && app.secondFactor().refusesAdminActions(u.id());
        return new CurrentUser(u.id(), u.email(), u.role(), bearer || wsToken != null, expires,
                session.map(AuthenticatedSession::sessionId).orElse(null), due);
    }

    /** The request as the application sees it once the caller is known: their principal and roles. */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final CurrentUser user;

        Authenticated(HttpServletRequest req, CurrentUser user) {
            super(req);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user; // Jersey's SecurityContext and the WebSocket handshake both read this
        }

        @Override
        public boolean isUserInRole(String role) {
            return Roles.holds(user.role(), role);
        }
    }

    /**
     * The sandbox exists only in demo mode (404 in production); in sandbox-only mode nothing else is
     * served. Sandbox routes carry no ArbDesk session: the provider API checks its own API key.
     */
    private boolean sandboxGate(String path, HttpServletResponse resp) throws IOException {
        boolean sandboxPath = path.equals("/sandbox") || path.startsWith("/sandbox/");
        var sandbox = app.config().sandbox();
        if (sandboxPath ? !sandbox.enabled()
                : sandbox.only() && !path.equals("/health") && !path.startsWith("/assets/") && !path.equals("/error")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
        return true;
    }

    /**
     * A browser's Origin must be this site (APP_BASE_URL, the host the request came to, or one listed in
     * WS_ALLOWED_ORIGINS); tools send none. Tomcat itself accepts every origin, so this is the check.
     */
    private boolean sameOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String own = req.getScheme() + "://" + req.getHeader("Host");
        URI base = URI.create(app.config().baseUrl());
        String configured = base.getScheme() + "://" + base.getAuthority();
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(configured)
                || app.config().wsAllowedOrigins().stream().anyMatch(origin::equalsIgnoreCase);
    }
}
