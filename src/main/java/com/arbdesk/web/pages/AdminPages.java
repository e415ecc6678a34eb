package com.arbdesk.web.pages;

import com.arbdesk.web.FailureStatus;
import com.arbdesk.admin.AdminService;
import com.arbdesk.auth.Roles;
import com.arbdesk.auth.User;
import com.arbdesk.web.Services;
import com.arbdesk.core.Money;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.ledger.LedgerEntry;
import com.arbdesk.core.Failure;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Pages;
import com.arbdesk.web.api.ProviderResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The back office pages: user list with search, user detail with the adjustment form, all transactions. */
public final class AdminPages {
    private AdminPages() {
    }

    /** A user row, preformatted. */
    public record UserRow(long id, String email, String role, boolean admin, boolean disabled, String balance,
                          String created) {
        static UserRow of(User u, Money balance) {
            return new UserRow(u.id(), u.email(), u.role().name(), u.isAdmin(), u.disabled(), balance.display(),
                    Pages.time(u.createdAt()));
        }
    }

    /** A ledger entry, preformatted. */
    public record EntryRow(long id, String time, String amount, boolean credit, String type, String source, String actor,
                           String reason) {
        static EntryRow of(LedgerEntry e) {
            return new EntryRow(e.id(), Pages.time(e.createdAt()), (e.amount().signum() > 0 ? "+" : "") + e.amount().display(),
                    e.amount().signum() > 0, e.entryType(), e.source() + " " + e.sourceRef(),
                    e.actorUserId() == null ? "system" : "admin #" + e.actorUserId(), e.reason() == null ? "" : e.reason());
        }
    }

    /** An audit row, preformatted. */
    public record AuditRow(String time, String actor, String action, String details) {
    }

    /** The users page. */
    public record UsersView(String query, List<UserRow> users, List<TransactionView> recent,
                            ProviderResource.ProviderResponse provider, String providerChecked, DepositViews.IpnHealthView ipn,
                            ReconcilerViews.ReconcilerView reconciler, String marketSource, List<MarketRow> market) {
    }

    /** One exchange's market data health, preformatted. */
    public record MarketRow(String exchange, boolean healthy, String lastSuccess, long errors, String latency, String lastError) {
        static MarketRow of(com.arbdesk.arbitrage.ExchangeHealth h) {
            return new MarketRow(h.exchange(), h.healthy(), h.lastSuccess() == null ? "never" : Pages.time(h.lastSuccess()),
                    h.errors(), h.lastLatency() == null ? "—" : h.lastLatency().toMillis() + " ms",
                    h.lastError() == null ? "" : h.lastError());
        }
    }

    /** The user detail page, with the adjustment form's last input and outcome. */
    public record UserView(UserRow user, List<TransactionView> transactions, List<EntryRow> entries, List<AuditRow> audit,
                           String notice, String error, String formAmount, String formReason) {
    }

    /** "balance_adjustment" reads as "Balance adjustment". */
    static String actionLabel(String action) {
        String words = action.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @RolesAllowed(Roles.ADMIN)
    @WebServlet("/admin")
    public static class UsersPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            Services app = Services.from(getServletContext());
            AdminService admin = app.admin();
            String q = req.getParameter("q") == null ? "" : req.getParameter("q").trim();
            List<UserRow> users = admin.searchUsers(q, 100, 0).stream().map(s -> UserRow.of(s.user(), s.balance())).toList();
            List<TransactionView> recent = admin.transactions(null, 20, 0).stream().map(TransactionView::of).toList();
            ProviderResource.ProviderResponse provider = ProviderResource.ProviderResponse.of(
                    app.providerMonitor().current().orElse(null), app.config());
            DepositAdmin.IpnHealth h = app.depositAdmin().health();
            DepositViews.IpnHealthView ipn = new DepositViews.IpnHealthView(
                    h.lastReceived() == null ? "never" : Pages.time(h.lastReceived()), h.failuresLastHour(),
                    h.openDepositsOlderThanThreshold(), DepositViews.duration(app.config().reconcile().after()));
            var market = app.arbitrage().snapshot();
            var reconciler = ReconcilerViews.ReconcilerView.of(app.depositAdmin().reconcilerHealth(),
                    app.config().reconcile().interval());
            req.setAttribute("view", new UsersView(q, users, recent, provider, Pages.time(provider.checkedAt()), ipn,
                    reconciler, market.source(), market.health().values().stream().map(MarketRow::of)
                            .sorted(java.util.Comparator.comparing(MarketRow::exchange)).toList()));
            Pages.render(req, resp, "admin/users.jsp");
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @WebServlet("/admin/users/*")
    public static class UserPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            String notice = "adjusted".equals(req.getParameter("notice")) ? "Adjustment recorded." : null;
            show(req, resp, notice, null, "", "");
        }

        /** POST /admin/users/{id}/adjustments: writes the adjustment, then redirects (post/redirect/get). */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            long id = Pages.trailingId(req.getPathInfo());
            if (id < 0 || !req.getPathInfo().endsWith("/adjustments")) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String amount = req.getParameter("amount_usd");
            String reason = req.getParameter("reason");
            try {
                Services.from(getServletContext()).admin().adjust(CurrentUser.of(req).orElseThrow().id(), id, amount, reason);
                Pages.redirect(req, resp, "/admin/users/" + id + "?notice=adjusted");
            } catch (Failure e) {
                resp.setStatus(FailureStatus.of(e.code()));
                show(req, resp, null, e.getMessage(), amount, reason);
            }
        }

        private void show(HttpServletRequest req, HttpServletResponse resp, String notice, String error, String amount,
                          String reason) throws ServletException, IOException {
            long id = Pages.trailingId(req.getPathInfo());
            AdminService.UserDetail d;
            try {
                d = Services.from(getServletContext()).admin().userDetail(id);
            } catch (Failure e) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            List<AuditRow> audit = d.audit().stream().map(a -> new AuditRow(Pages.time(a.createdAt()),
                    a.actorEmail() == null ? "system" : a.actorEmail(), actionLabel(a.action()), a.details())).toList();
            req.setAttribute("view", new UserView(UserRow.of(d.user(), d.balance()),
                    d.transactions().stream().map(TransactionView::of).toList(),
                    d.entries().stream().map(EntryRow::of).toList(), audit, notice, error,
                    amount == null ? "" : amount, reason == null ? "" : reason));
            Pages.render(req, resp, "admin/user.jsp");
        }
    }
}
