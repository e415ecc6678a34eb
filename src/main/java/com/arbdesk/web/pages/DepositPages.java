package com.arbdesk.web.pages;

import com.arbdesk.web.FailureStatus;
import com.arbdesk.auth.Roles;
import com.arbdesk.web.Services;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.deposit.DepositStatus;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.deposit.IpnEventDao;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.core.Failure;
import com.arbdesk.web.Pages;
import com.arbdesk.web.pages.DepositViews.DepositRow;
import com.arbdesk.web.pages.DepositViews.IpnRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The back office deposit pages: the deposits list and its exceptions view, one deposit, the IPN log, replay and re-check. */
public final class DepositPages {
    static final int PAGE = 50;
    static final int EXCEPTIONS = 200;

    private DepositPages() {
    }

    @RolesAllowed(Roles.ADMIN)
    @WebServlet("/admin/deposits")
    public static class DepositsPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            String status = oneOf(req.getParameter("status"), DepositViews.STATUSES);
            String currency = oneOf(req.getParameter("currency"), DepositViews.CURRENCIES);
            boolean flagged = req.getParameter("flagged") != null && !req.getParameter("flagged").isBlank();
            boolean unwatched = !flagged && "unwatched".equals(req.getParameter("watch"));
            int offset = flagged ? 0 : offset(req);
            List<DepositRow> rows = (flagged ? exceptions(app.deposits(), status, currency)
                    : unwatched ? app.deposits().unwatched(PAGE, offset)
                    : app.deposits().list(null, status, currency, false, PAGE, offset)).stream().map(DepositRow::of).toList();
            List<IpnRow> problems = flagged ? ipnProblems(app.depositAdmin()) : List.of();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", status);
            query.put("currency", currency);
            query.put("flagged", flagged ? "on" : null);
            query.put("watch", unwatched ? "unwatched" : null);
            req.setAttribute("view", new DepositViews.DepositsView(status == null ? "" : status, currency == null ? "" : currency,
                    flagged, unwatched, DepositViews.STATUSES, DepositViews.CURRENCIES, rows, problems,
                    offset == 0 ? null : href("/admin/deposits", query, Math.max(0, offset - PAGE)),
                    flagged || rows.size() < PAGE ? null : href("/admin/deposits", query, offset + PAGE)));
            Pages.render(req, resp, "admin/deposits.jsp");
        }

        /**
         * Flagged deposits and partially paid ones (a status rather than a flag, but waiting on someone all the
         * same), newest first. Exceptions are few, so one page of the latest suffices.
         */
        private static List<Deposit> exceptions(DepositService deposits, String status, String currency) {
            Map<Long, Deposit> byId = new LinkedHashMap<>();
            deposits.list(null, status, currency, true, EXCEPTIONS, 0).forEach(d -> byId.put(d.id(), d));
            String partial = DepositStatus.PARTIALLY_PAID.wire();
            if (status == null || status.equals(partial)) {
                deposits.list(null, partial, currency, false, EXCEPTIONS, 0).forEach(d -> byId.putIfAbsent(d.id(), d));
            }
            return byId.values().stream()
                    .sorted(Comparator.comparing(Deposit::createdAt).thenComparingLong(Deposit::id).reversed())
                    .limit(EXCEPTIONS).toList();
        }

        /** Recent IPNs that never reached a deposit: unknown payments, bad signatures, unreadable bodies. */
        private static List<IpnRow> ipnProblems(DepositAdmin admin) {
            return DepositViews.IPN_PROBLEMS.stream().flatMap(v -> admin.ipns(v, null, 30, 0).stream())
                    .sorted(Comparator.comparingLong(IpnEventDao.IpnEvent::id).reversed())
                    .limit(30).map(IpnRow::of).toList();
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @WebServlet("/admin/deposits/*")
    public static class DepositPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            long id = Pages.trailingId(req.getPathInfo());
            if (id < 0 || !req.getPathInfo().replaceAll("/+$", "").equals("/" + id)) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Deposit d;
            try {
                d = app.deposits().get(id);
            } catch (Failure e) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            var timeline = app.deposits().timeline(id).stream().map(DepositViews.EventRow::of).toList();
            var entries = app.ledger().entriesOf(id).stream().map(AdminPages.EntryRow::of).toList();
            var ipns = app.depositAdmin().ipns(null, id, 50, 0).stream().map(IpnRow::of).toList();
            String outcome = req.getParameter("outcome");
            DepositAction done = DepositAction.byNotice(req.getParameter("notice"));
            req.setAttribute("view", new DepositViews.DetailView(DepositViews.Summary.of(d),
                    ReconcilerViews.WatchView.of(d, app.clock().instant()), timeline, entries, ipns,
                    done != null ? done.message : DepositViews.replayNotice(req.getParameter("ipn"), outcome),
                    done != null ? "success" : DepositViews.noticeTone(outcome)));
            Pages.render(req, resp, "admin/deposit.jsp");
        }

        /**
         * POST /admin/deposits/{id}/recheck, .../approve, .../watch: one DepositAdmin call each (the API calls the
         * same ones), then back to the deposit with the notice (post/redirect/get).
         */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long id = Pages.trailingId(req.getPathInfo());
            DepositAction action = id < 0 ? null : DepositAction.byPath(req.getPathInfo(), id);
            if (action == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try {
                action.run(Services.from(getServletContext()).depositAdmin(), id, CurrentUser.of(req).orElseThrow().id());
            } catch (Failure e) {
                resp.sendError(FailureStatus.of(e.code()));
                return;
            }
            Pages.redirect(req, resp, "/admin/deposits/" + id + "?notice=" + action.notice);
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @WebServlet(urlPatterns = {"/admin/ipn", "/admin/ipn/*"})
    public static class IpnLogPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String verdict = oneOf(req.getParameter("verdict"), DepositViews.VERDICTS);
            int offset = offset(req);
            IpnVerdict filter = verdict == null ? null : IpnVerdict.fromWire(verdict);
            List<IpnRow> rows = Services.from(getServletContext()).depositAdmin().ipns(filter, null, PAGE, offset).stream()
                    .map(IpnRow::of).toList();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("verdict", verdict);
            String outcome = req.getParameter("outcome");
            req.setAttribute("view", new DepositViews.IpnLogView(verdict == null ? "" : verdict, DepositViews.VERDICTS, rows,
                    DepositViews.replayNotice(req.getParameter("ipn"), outcome), DepositViews.noticeTone(outcome),
                    offset == 0 ? null : href("/admin/ipn", query, Math.max(0, offset - PAGE)),
                    rows.size() < PAGE ? null : href("/admin/ipn", query, offset + PAGE)));
            Pages.render(req, resp, "admin/ipn.jsp");
        }

        /**
         * POST /admin/ipn/{id}/replay: runs the stored IPN again (idempotent: applying twice credits once), then
         * back to the page the button was on with the outcome.
         */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long id = Pages.trailingId(req.getPathInfo());
            if (id < 0 || !req.getPathInfo().equals("/" + id + "/replay")) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            DepositUpdater.Outcome o;
            try {
                o = Services.from(getServletContext()).depositAdmin().replay(id);
            } catch (Failure e) {
                resp.sendError(FailureStatus.of(e.code()));
                return;
            }
            String verdict = URLEncoder.encode(o.verdict().wire(), StandardCharsets.UTF_8);
            // only our own two pages come back: the field is a hint, never a redirect target taken as given
            String back = req.getParameter("back");
            if (back != null && back.matches("/admin/deposits/\\d{1,18}")) {
                Pages.redirect(req, resp, back + "?ipn=" + id + "&outcome=" + verdict);
            } else {
                Pages.redirect(req, resp, "/admin/ipn?ipn=" + id + "&outcome=" + verdict);
            }
        }
    }

    /** The value when it is one of the allowed words, else no filter. */
    static String oneOf(String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        return allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst().orElse(null);
    }

    static int offset(HttpServletRequest req) {
        String s = req.getParameter("offset");
        if (s == null || !s.matches("\\d{1,6}")) {
            return 0;
        }
        return Integer.parseInt(s);
    }

    /** A page link keeping the filters: "/admin/deposits?status=completed&offset=50". */
    static String href(String path, Map<String, String> query, int offset) {
        StringBuilder sb = new StringBuilder(path).append('?');
        query.forEach((k, v) -> {
            if (v != null) {
                sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        return sb.append("offset=").append(offset).toString();
    }
}
