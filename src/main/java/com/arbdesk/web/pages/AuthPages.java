package com.arbdesk.web.pages;

import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.core.Failure;
import com.arbdesk.web.AuthCookies;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.FailureStatus;
import com.arbdesk.web.Pages;
import com.arbdesk.web.Requests;
import com.arbdesk.web.Services;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The login, sign-up and logout pages (JSP forms, post/redirect/get). */
public final class AuthPages {
    private AuthPages() {
    }

    /** What the login and sign-up forms show: the email typed so far, the error and the rules. */
    public record FormView(String email, String error, String next, String passwordRule, boolean demo,
                           String demoUser, String demoPassword) {
        static FormView of(Services app, String email, String error, String next) {
            boolean demo = app.config().isDemo();
            return new FormView(email == null ? "" : email, error, next == null ? "" : next,
                    "Use " + AuthService.PASSWORD_RULE + ".", demo, demo ? DemoAccounts.USER_EMAIL : "",
                    demo ? DemoAccounts.USER_PASSWORD : "");
        }
    }

    private static void startSession(HttpServletRequest req, HttpServletResponse resp, Services app, AuthService.Session s) {
        AuthCookies.setSession(req, resp, s.token(), app.config().secureCookies());
    }

    /** GET shows the form; POST logs in and goes to the page asked for, or shows the error with the email kept. */
    @PermitAll
    @WebServlet("/login")
    public static class LoginPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (CurrentUser.of(req).isPresent()) {
                Pages.redirect(req, resp, "/dashboard");
                return;
            }
            req.setAttribute("view", FormView.of(Services.from(getServletContext()), "", null, req.getParameter("next")));
            Pages.render(req, resp, "auth/login.jsp");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            String email = req.getParameter("email");
            String next = req.getParameter("next");
            try {
                AuthService.LoginOutcome outcome = app.auth().login(email, req.getParameter("password"), Requests.client(req));
                if (outcome instanceof AuthService.SecondFactorNeeded n) {
                    AuthCookies.setSecondFactorChallenge(req, resp, n.challenge(), n.expiresInSeconds(),
                            app.config().secureCookies());
                    String safe = Pages.safeNext(next, "");
                    Pages.redirect(req, resp, "/login/second-factor"
                            + (safe.isEmpty() ? "" : "?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8)));
                    return;
                }
                AuthService.Session s = (AuthService.Session) outcome;
                startSession(req, resp, app, s);
                Pages.redirect(req, resp, Pages.safeNext(next, s.user().isAdmin() ? "/admin" : "/dashboard"));
            } catch (Failure e) {
                showFailure(req, resp, e, FormView.of(app, email, e.getMessage(), next), "auth/login.jsp");
            }
        }
    }

    /** What the code step of a login shows. */
    public record CodeView(String error, String next) {
    }

    /**
     * The second step of a login for an account with a second factor: GET asks for the code, POST checks
     * it with the challenge cookie the password step set and opens the session. Without a valid
     * challenge the visitor is sent back to the password step.
     */
    @PermitAll
    @WebServlet("/login/second-factor")
    public static class SecondFactorPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (AuthCookies.read(req, AuthCookies.SECOND_FACTOR).isEmpty()) {
                Pages.redirect(req, resp, "/login");
                return;
            }
            req.setAttribute("view", new CodeView(null, Pages.safeNext(req.getParameter("next"), "")));
            Pages.render(req, resp, "auth/login-code.jsp");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            String next = Pages.safeNext(req.getParameter("next"), "");
            String challenge = AuthCookies.read(req, AuthCookies.SECOND_FACTOR).orElse(null);
            if (challenge == null) {
                Pages.redirect(req, resp, "/login");
                return;
            }
            try {
                AuthService.Session s = app.auth().completeLogin(challenge, req.getParameter("code"), Requests.client(req));
                AuthCookies.clearSecondFactorChallenge(req, resp, app.config().secureCookies());
                startSession(req, resp, app, s);
                Pages.redirect(req, resp, next.isEmpty() ? (s.user().isAdmin() ? "/admin" : "/dashboard") : next);
            } catch (Failure e) {
                resp.setStatus(FailureStatus.of(e.code()));
                if (e.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                }
                req.setAttribute("view", new CodeView(e.getMessage(), next));
                Pages.render(req, resp, "auth/login-code.jsp");
            }
        }
    }

    /** GET shows the form; POST creates the account and logs it in. */
    @PermitAll
    @WebServlet("/signup")
    public static class SignupPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (CurrentUser.of(req).isPresent()) {
                Pages.redirect(req, resp, "/dashboard");
                return;
            }
            req.setAttribute("view", FormView.of(Services.from(getServletContext()), "", null, null));
            Pages.render(req, resp, "auth/signup.jsp");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            String email = req.getParameter("email");
            String password = req.getParameter("password");
            try {
                if (password != null && !password.equals(req.getParameter("confirm"))) {
                    throw Failure.invalid("confirm", "The two passwords do not match");
                }
                startSession(req, resp, app, app.auth().signup(email, password, Requests.client(req)));
                Pages.redirect(req, resp, "/dashboard?welcome=1");
            } catch (Failure e) {
                showFailure(req, resp, e, FormView.of(app, email, e.getMessage(), null), "auth/signup.jsp");
            }
        }
    }

    /** POST ends the session on the server and clears the cookie (the form in the header carries the CSRF field); GET asks for confirmation. */
    @PermitAll
    @WebServlet("/logout")
    public static class LogoutPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (CurrentUser.of(req).isEmpty()) {
                Pages.redirect(req, resp, "/login");
                return;
            }
            Pages.render(req, resp, "auth/logout.jsp");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Services app = Services.from(getServletContext());
            app.auth().logout(CurrentUser.of(req).map(CurrentUser::sessionId).orElse(null));
            AuthCookies.clearSession(req, resp, app.config().secureCookies());
            Pages.redirect(req, resp, "/login?loggedOut=1");
        }
    }

    /** A refused login or sign-up shows the form again with the reason, under the failure's status (and Retry-After when throttled). */
    private static void showFailure(HttpServletRequest req, HttpServletResponse resp, Failure e, FormView view, String jsp)
            throws ServletException, IOException {
        resp.setStatus(FailureStatus.of(e.code()));
        if (e.retryAfterSeconds() != null) {
            resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        req.setAttribute("view", view);
        Pages.render(req, resp, jsp);
    }
}
