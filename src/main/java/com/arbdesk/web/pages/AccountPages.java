package com.arbdesk.web.pages;

import com.arbdesk.auth.PasswordPolicy;
import com.arbdesk.auth.Roles;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.core.Failure;
import com.arbdesk.web.AuthCookies;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.FailureStatus;
import com.arbdesk.web.Pages;
import com.arbdesk.web.Requests;
import com.arbdesk.web.Services;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Account page: change the password, see the open sessions, log out everywhere (JSP forms, post/redirect/get). */
public final class AccountPages {
    private AccountPages() {
    }

    /** What a redirect back to the page reports, as the {@code notice} query value. */
    public enum Notice {
        PASSWORD_CHANGED("password_changed", "Your password was changed. Your other sessions were logged out."),
        SECOND_FACTOR_OFF("second_factor_off", "Two-step login is off: logging in needs only your password now.");

        private final String wire;
        private final String message;

        Notice(String wire, String message) {
            this.wire = wire;
            this.message = message;
        }

        public String wire() {
            return wire;
        }

        static Optional<Notice> parse(String wire) {
            return Arrays.stream(values()).filter(n -> n.wire.equals(wire)).findFirst();
        }
    }

    /** One open session as the page lists it, times preformatted. */
    public record SessionRow(String started, String expires, String userAgent, String address, boolean current) {
    }

    /** Everything account.jsp shows. */
    public record AccountView(String email, String notice, String error, String passwordRule, List<SessionRow> sessions,
                              SecondFactorService.Status secondFactor, String secondFactorError, boolean secondFactorDue) {
    }

    static void render(HttpServletRequest req, HttpServletResponse resp, Services app, CurrentUser me, String error)
            throws ServletException, IOException {
        render(req, resp, app, me, error, null);
    }

    static void render(HttpServletRequest req, HttpServletResponse resp, Services app, CurrentUser me, String error,
                       String secondFactorError) throws ServletException, IOException {
        String notice = Notice.parse(req.getParameter("notice")).map(n -> n.message).orElse(null);
        List<SessionRow> rows = app.auth().openSessions(me.id()).stream()
                .map(s -> new SessionRow(Pages.time(s.createdAt()), Pages.time(s.expiresAt()),
                        s.userAgent() == null || s.userAgent().isEmpty() ? "Unknown device" : s.userAgent(),
                        s.clientAddress(), s.id().equals(me.sessionId())))
                .toList();
        req.setAttribute("view", new AccountView(me.email(), error == null && secondFactorError == null ? notice : null, error,
                "Use " + PasswordPolicy.RULE + ".", rows, app.secondFactor().status(me.id()), secondFactorError,
                me.secondFactorDue()));
        Pages.render(req, resp, "auth/account.jsp");
    }

    /** GET /account. */
    @WebServlet("/account")
    @RolesAllowed(Roles.USER)
    public static class AccountPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            // the route's @RolesAllowed has already sent an anonymous visitor to the login page
            render(req, resp, Services.from(getServletContext()), CurrentUser.of(req).orElseThrow(), null);
        }
    }

    /** POST /account/password: changes the password, keeps this session and ends the others. */
    @WebServlet("/account/password")
    @RolesAllowed(Roles.USER)
    public static class PasswordForm extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            Services app = Services.from(getServletContext());
            String next = req.getParameter("new_password");
            try {
                if (next != null && !next.equals(req.getParameter("confirm"))) {
                    throw Failure.invalid("confirm", "The two new passwords do not match");
                }
                app.auth().changePassword(me.id(), me.sessionId(), req.getParameter("current_password"), next,
                        Requests.client(req));
                Pages.redirect(req, resp, "/account?notice=" + Notice.PASSWORD_CHANGED.wire());
            } catch (Failure e) {
                resp.setStatus(FailureStatus.of(e.code()));
                if (e.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                }
                render(req, resp, app, me, e.getMessage());
            }
        }
    }

    /** POST /account/logout-everywhere: ends every session of the user, this one included. */
    @WebServlet("/account/logout-everywhere")
    @RolesAllowed(Roles.USER)
    public static class LogoutEverywhereForm extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            Services app = Services.from(getServletContext());
            app.auth().logoutEverywhere(me.id());
            AuthCookies.clearSession(req, resp, app.config().secureCookies());
            Pages.redirect(req, resp, "/login?loggedOut=everywhere");
        }
    }
}
