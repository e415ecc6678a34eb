package com.arbdesk.web.pages;

import com.arbdesk.web.FailureStatus;
import com.arbdesk.web.ErrorBody;
import com.arbdesk.core.FailureCode;
import com.arbdesk.web.Pages;
import com.arbdesk.web.SecurityHeadersFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page for every status and uncaught exception: the JSON error shape under
 * /api, a plain page elsewhere. Neither shows a stack trace or server details.
 */
@PermitAll
@WebServlet("/error")
public class ErrorPage extends HttpServlet {
    /** A request attribute with a readable message for the error page, set by whoever raised the error. */
    public static final String MESSAGE_ATTRIBUTE = "errorMessage";
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    /** What the error page shows. */
    public record ErrorView(int status, String title, String message) {
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            LOG.log(Level.SEVERE, "uncaught error on " + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        SecurityHeadersFilter.applyTo(resp);
        String uri = String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        FailureCode ec = FailureStatus.forStatus(status);
        if (uri.startsWith(req.getContextPath() + "/api/")) {
            String message = switch (ec) {
                case NOT_FOUND -> "No such resource";
                case PAYLOAD_TOO_LARGE -> "The request body is too large";
                case INTERNAL -> "Something went wrong on our side";
                default -> "The request could not be processed";
            };
            resp.resetBuffer();
            ErrorBody.write(resp, ec, message);
            return;
        }
        String custom = (String) req.getAttribute(MESSAGE_ATTRIBUTE);
        ErrorView view = switch (status) {
            case 400 -> new ErrorView(400, "Request not understood", custom != null ? custom : "We could not understand that request.");
            case 403 -> new ErrorView(403, "Not allowed", custom != null ? custom : "This page is for administrators only.");
            case 404 -> new ErrorView(404, "Page not found", "There is nothing at this address.");
            case 405 -> new ErrorView(405, "Not allowed", "This page cannot be used that way.");
            case 413 -> new ErrorView(413, "Too large", "What you sent is too large.");
            default -> status >= 500 ? new ErrorView(status, "Something went wrong", "We could not finish that. Please try again.")
                    : new ErrorView(status, "Request not understood", "We could not understand that request.");
        };
        req.setAttribute("view", view);
        resp.setStatus(status);
        Pages.render(req, resp, "error/error.jsp");
    }
}
