package com.arbdesk.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** GET /health: liveness for load balancers and the deploy check; 503 when the database does not answer. */
@PermitAll
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    /** The health answer. */
    public record Health(String status, String version, String mode, boolean databaseOk) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Services app = Services.from(getServletContext());
        boolean db = app.database().ping();
        Health h = new Health(db ? "ok" : "degraded", app.version(), app.config().mode().name().toLowerCase(java.util.Locale.ROOT), db);
        resp.setStatus(db ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getWriter(), h);
    }
}
