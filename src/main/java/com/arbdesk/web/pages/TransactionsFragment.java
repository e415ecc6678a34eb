package com.arbdesk.web.pages;

import com.arbdesk.auth.Roles;
import com.arbdesk.web.Services;
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

/**
 * GET /dashboard/transactions: the recent transactions card as an HTML fragment, rendered by the same tag
 * as the dashboard, so the live refresh swaps in server-rendered rows instead of drawing them again in JS.
 */
@RolesAllowed(Roles.USER)
@WebServlet("/dashboard/transactions")
public class TransactionsFragment extends HttpServlet {
    /** How many rows the dashboard shows. */
    static final int RECENT = 10;

    /** The card's rows and the caller's total count. */
    public record View(List<TransactionView> transactions, long total) {
        static View of(LedgerService.TransactionPage page) {
            return new View(page.items().stream().map(TransactionView::of).toList(), page.total());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        long userId = CurrentUser.of(req).orElseThrow().id();
        req.setAttribute("view", View.of(Services.from(getServletContext()).ledger().transactions(userId, RECENT, 0)));
        Pages.render(req, resp, "dashboard/transactions.jsp");
    }
}
