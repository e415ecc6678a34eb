package com.arbdesk.web.pages;

import com.arbdesk.auth.Roles;
import com.arbdesk.core.Failure;
import com.arbdesk.web.FailureStatus;
import com.arbdesk.web.Pages;
import com.arbdesk.web.Services;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * GET /admin/deposits/row?id=N: one row of the back office deposits table as an HTML fragment, rendered by the
 * same tag as the page, so the live update swaps in the server's row instead of drawing it again in JS.
 */
@RolesAllowed(Roles.ADMIN)
@WebServlet("/admin/deposits/row")
public class DepositRowFragment extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = req.getParameter("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            req.setAttribute("view", DepositViews.DepositRow.of(Services.from(getServletContext()).deposits().get(Long.parseLong(id))));
        } catch (Failure e) {
            resp.sendError(FailureStatus.of(e.code()));
            return;
        }
        Pages.render(req, resp, "admin/depositrow.jsp");
    }
}
