package com.arbdesk.web.pages;

import com.arbdesk.auth.Roles;
import com.arbdesk.web.Services;
import com.arbdesk.core.Money;
import com.arbdesk.ledger.CoinCatalogue;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The user's dashboard: balance, portfolio, recent transactions, arbitrage panel and the deposit entry point. */
@RolesAllowed(Roles.USER)
@WebServlet("/dashboard")
public class DashboardPage extends HttpServlet {
    private static final List<CoinTab> COIN_TABS = coinTabs();

    /** One line of the portfolio card. */
    public record HoldingView(String asset, String name, String amount, String valueUsd, String share) {
    }

    /** One coin tab of the deposit dialog: the coin, its default network, and whether it is chosen first. */
    public record CoinTab(String coin, String defaultNetwork, boolean selected) {
    }

    /** Everything the dashboard shows, preformatted. */
    public record DashboardView(String email, String balance, String balanceUsd, List<HoldingView> holdings,
                                List<TransactionView> transactions, long transactionCount, boolean welcome,
                                List<CoinTab> coinTabs) {
    }

    /** A tab per catalogue coin, in catalogue order, the first one chosen: a new coin gets its tab without a JSP edit. */
    static List<CoinTab> coinTabs() {
        List<String> coins = CoinCatalogue.currencies();
        return coins.stream().map(c -> new CoinTab(c, CoinCatalogue.ALL.stream()
                .filter(e -> e.currency().equals(c) && e.isDefault()).findFirst().orElseThrow().network(),
                c.equals(coins.get(0)))).toList();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Services app = Services.from(getServletContext());
        CurrentUser me = CurrentUser.of(req).orElseThrow();
        LedgerService.Summary summary = app.ledger().summary(me.id(), TransactionsFragment.RECENT);
        Money balance = summary.balance();
        TransactionsFragment.View recent = TransactionsFragment.View.of(summary.recent());
        // USD is the only holding until crypto deposits land; its share of the portfolio is therefore all of it
        List<HoldingView> holdings = List.of(new HoldingView("USD", "US Dollar", balance.display(), balance.display(), "100%"));
        req.setAttribute("view", new DashboardView(me.email(), balance.display(), balance.toPlainString(), holdings,
                recent.transactions(), recent.total(), req.getParameter("welcome") != null, COIN_TABS));
        Pages.render(req, resp, "dashboard/dashboard.jsp");
    }
}
