package com.arbdesk.web.pages;

import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The site root: the dashboard for a logged-in user, the login page otherwise. */
@PermitAll
@WebServlet("")
public class RootPage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Pages.redirect(req, resp, CurrentUser.of(req).isPresent() ? "/dashboard" : "/login");
    }
}
