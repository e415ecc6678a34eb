package com.arbdesk.web;

import com.arbdesk.App;
import com.arbdesk.auth.AuthCookies;
import com.arbdesk.auth.AuthenticatedSession;
import com.arbdesk.auth.CurrentUser;
import com.arbdesk.auth.User;
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
import java.util.Optional;
import java.util.Set;

/**
 * Works out who is calling (session cookie or bearer token) and enforces the access rules for
 * every route in one place: anonymous API calls get 401 JSON, anonymous page visits a redirect to
 * the login page, non-admins 403 on /admin and /api/admin.
 */
public final class AuthFilter extends HttpFilter {
    private static final Set<String> PUBLIC_API = Set.of("/api/auth/signup", "/api/auth/login", "/api/auth/logout");

    private transient App app;

    @Override
    public void init() {
        app = App.from(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!sandboxGate(path, resp)) {
            return;
        }
        req.setAttribute("sandboxEnabled", app.config().sandbox().enabled());
        String header = req.getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<String> cookie = AuthCookies.read(req, AuthCookies.SESSION);
        Optional<AuthenticatedSession> session = Optional.empty();
        Optional<User> user = Optional.empty();
        String wsToken = path.equals("/ws") ? req.getParameter("token") : null;
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
        boolean tokenAuth = bearer || wsToken != null;
        java.time.Instant expires = null;
        if (path.equals("/ws") && user.isPresent()) {
            // a socket outlives its handshake: it is closed when the session it opened with ends
            expires = session.map(AuthenticatedSession::expiresAt)
                    .orElse(app.clock().instant().plus(com.arbdesk.auth.JwtService.SESSION_TTL));
        }
        java.time.Instant exp = expires;
        String sessionId = session.map(AuthenticatedSession::sessionId).orElse(null);
        CurrentUser current = user.map(u -> new CurrentUser(u.id(), u.email(), u.role(), tokenAuth, exp, sessionId))
                .orElse(null);
        if (current != null) {
            req.setAttribute(CurrentUser.ATTRIBUTE, current);
            if (!path.startsWith("/api/") && !path.equals("/ws") && !path.startsWith("/assets/")
                    && !path.startsWith("/sandbox/nowpayments/v1/")) {
                // pages carry the live stream's position they were rendered at, so live.js resumes exactly there
                req.setAttribute("liveSeq", app.livePublisher().latestSeq(current.id()));
            }
        }
        if (path.equals("/ws") && !sameOrigin(req)) {
            ErrorBody.write(resp, ErrorCode.FORBIDDEN, "WebSocket connections from other sites are refused");
            return;
        }

        boolean api = path.startsWith("/api/") || path.equals("/ws");
        boolean adminArea = path.startsWith("/api/admin/") || path.equals("/api/admin") || path.equals("/admin")
                || path.startsWith("/admin/");
        boolean needsUser = adminArea || path.equals("/ws") || path.equals("/dashboard") || path.startsWith("/dashboard/")
                || (api && !PUBLIC_API.contains(path) && !path.startsWith("/api/nowpayments/"));
        if (needsUser && user.isEmpty()) {
            if (api) {
                ErrorBody.write(resp, ErrorCode.UNAUTHENTICATED, "Log in to use this resource");
            } else {
                String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
                resp.sendRedirect(req.getContextPath() + "/login?next=" + next);
            }
            return;
        }
        if (adminArea && !user.get().isAdmin()) {
            if (api) {
                ErrorBody.write(resp, ErrorCode.FORBIDDEN, "Administrators only");
            } else {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        chain.doFilter(current == null ? req : new HttpServletRequestWrapper(req) {
            @Override
            public java.security.Principal getUserPrincipal() {
                return current; // the WebSocket handshake hands this principal to the endpoint
            }
        }, resp);
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
