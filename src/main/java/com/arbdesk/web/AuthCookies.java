package com.arbdesk.web;

import com.arbdesk.auth.JwtService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two cookies of a browser session: the HttpOnly session token and the readable XSRF-TOKEN
 * that forms and scripts echo back (double-submit CSRF protection).
 */
public final class AuthCookies {
    public static final String SESSION = "arbdesk_session";
    public static final String XSRF = "XSRF-TOKEN";
    /** Between a login's password step and its code step: the signed challenge (HttpOnly, five minutes). */
    public static final String SECOND_FACTOR = "arbdesk_second_factor";

    private AuthCookies() {
    }

    public static void setSession(HttpServletRequest req, HttpServletResponse resp, String token, boolean secure) {
        resp.addCookie(cookie(req, SESSION, token, true, secure, (int) JwtService.SESSION_TTL.toSeconds()));
    }

    public static void clearSession(HttpServletRequest req, HttpServletResponse resp, boolean secure) {
        resp.addCookie(cookie(req, SESSION, "", true, secure, 0));
    }

    public static void setSecondFactorChallenge(HttpServletRequest req, HttpServletResponse resp, String challenge,
                                                long maxAgeSeconds, boolean secure) {
        resp.addCookie(cookie(req, SECOND_FACTOR, challenge, true, secure, (int) maxAgeSeconds));
    }

    public static void clearSecondFactorChallenge(HttpServletRequest req, HttpServletResponse resp, boolean secure) {
        resp.addCookie(cookie(req, SECOND_FACTOR, "", true, secure, 0));
    }

    /** Sets the readable XSRF-TOKEN cookie that scripts and forms echo back. */
    public static void setXsrf(HttpServletRequest req, HttpServletResponse resp, String token, boolean secure) {
        resp.addCookie(cookie(req, XSRF, token, false, secure, -1));
    }

    public static Optional<String> read(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    private static Cookie cookie(HttpServletRequest req, String name, String value, boolean httpOnly, boolean secure, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
        c.setHttpOnly(httpOnly);
        c.setSecure(secure);
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Lax");
        return c;
    }
}
