package com.arbdesk.web.pages;

import com.arbdesk.alerts.AlertService;
import com.arbdesk.auth.Roles;
import com.arbdesk.web.Pages;
import com.arbdesk.web.Services;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The alerts page: rules, the webhook and its secret, recent firings and the delivery log (alerts.js talks to /api/alerts). */
@RolesAllowed(Roles.USER)
@WebServlet("/alerts")
public class AlertsPage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        AlertService.Choices choices = Services.from(getServletContext()).alerts().choices();
        req.setAttribute("view", choices);
        Pages.render(req, resp, "alerts/alerts.jsp");
    }
}
