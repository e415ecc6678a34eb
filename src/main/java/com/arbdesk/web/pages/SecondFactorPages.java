package com.arbdesk.web.pages;

import com.arbdesk.auth.Roles;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.core.Failure;
import com.arbdesk.core.QrCodes;
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
import java.util.List;
import java.util.Optional;

/** Setting up and turning off the TOTP second factor from the Account page. */
public final class SecondFactorPages {
    private SecondFactorPages() {
    }

    /** The enrolment page: the QR code (a data: URI), the secret grouped in fours for typing, and the error of a wrong code. */
    public record EnrolView(String qrDataUri, String secretGrouped, String secret, String error) {
    }

    /** The page shown once after the code was accepted: the recovery codes. */
    public record RecoveryView(List<String> codes) {
    }

    /** POST /account/second-factor: starts (or restarts) an enrolment, then shows it. */
    @WebServlet("/account/second-factor")
    @RolesAllowed(Roles.USER)
    public static class EnrolPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            Optional<SecondFactorService.Enrolment> e = Services.from(getServletContext()).secondFactor().pending(me.id(), me.email());
            if (e.isEmpty()) {
                Pages.redirect(req, resp, "/account");
                return;
            }
            renderEnrol(req, resp, e.get(), null);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            Services app = Services.from(getServletContext());
            try {
                app.secondFactor().start(me.id(), me.email());
                Pages.redirect(req, resp, "/account/second-factor");
            } catch (Failure f) {
                resp.setStatus(FailureStatus.of(f.code()));
                AccountPages.render(req, resp, app, me, null, f.getMessage());
            }
        }
    }

    /**
     * POST /account/second-factor/confirm: a right code turns the second factor on and answers with the
     * recovery codes directly (no redirect: they exist in clear only in this one answer, which is not cached).
     */
    @WebServlet("/account/second-factor/confirm")
    @RolesAllowed(Roles.USER)
    public static class ConfirmForm extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            SecondFactorService sf = Services.from(getServletContext()).secondFactor();
            Optional<SecondFactorService.Enrolment> pending = sf.pending(me.id(), me.email());
            if (pending.isEmpty()) {
                Pages.redirect(req, resp, "/account");
                return;
            }
            try {
                List<String> codes = sf.confirm(me.id(), me.email(), req.getParameter("code"), Requests.client(req).address());
                resp.setHeader("Cache-Control", "no-store");
                req.setAttribute("view", new RecoveryView(codes));
                Pages.render(req, resp, "auth/second-factor-codes.jsp");
            } catch (Failure f) {
                resp.setStatus(FailureStatus.of(f.code()));
                if (f.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", Long.toString(f.retryAfterSeconds()));
                }
                renderEnrol(req, resp, pending.get(), f.getMessage());
            }
        }
    }

    /** POST /account/second-factor/disable: turns it off after a current code. */
    @WebServlet("/account/second-factor/disable")
    @RolesAllowed(Roles.USER)
    public static class DisableForm extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            CurrentUser me = CurrentUser.of(req).orElseThrow();
            Services app = Services.from(getServletContext());
            try {
                app.secondFactor().disable(me.id(), req.getParameter("code"), Requests.client(req).address());
                Pages.redirect(req, resp, "/account?notice=" + AccountPages.Notice.SECOND_FACTOR_OFF.wire());
            } catch (Failure f) {
                resp.setStatus(FailureStatus.of(f.code()));
                if (f.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", Long.toString(f.retryAfterSeconds()));
                }
                AccountPages.render(req, resp, app, me, null, f.getMessage());
            }
        }
    }

    private static void renderEnrol(HttpServletRequest req, HttpServletResponse resp, SecondFactorService.Enrolment e,
                                    String error) throws ServletException, IOException {
        resp.setHeader("Cache-Control", "no-store");
        String grouped = e.secretBase32().replaceAll("(.{4})(?=.)", "$1 ");
        req.setAttribute("view", new EnrolView(QrCodes.dataUri(e.otpauthUri()), grouped, e.secretBase32(), error));
        Pages.render(req, resp, "auth/second-factor.jsp");
    }
}
