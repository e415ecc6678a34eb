package com.arbdesk.web.api;

import com.arbdesk.alerts.AlertRequests;
import com.arbdesk.alerts.AlertService;
import com.arbdesk.auth.Roles;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.api.AlertsDtos.DeliveryView;
import com.arbdesk.web.api.AlertsDtos.FiringsResponse;
import com.arbdesk.web.api.AlertsDtos.RuleView;
import com.arbdesk.web.api.AlertsDtos.RulesResponse;
import com.arbdesk.web.api.AlertsDtos.WebhookRequest;
import com.arbdesk.web.api.AlertsDtos.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * /api/alerts: the caller's alert rules, their firings (and the unread badge), the webhook with its signing
 * secret, and the webhook delivery log with redelivery. Everything is the caller's own: another user's rule or
 * delivery answers 404, like a missing one.
 */
@RolesAllowed(Roles.USER)
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {
    static final int LOG_LIMIT = 50;

    @Inject
    AlertService alerts;
    @Context
    HttpServletRequest req;

    private long me() {
        return CurrentUser.of(req).orElseThrow().id();
    }

    @GET
    @Path("rules")
    public RulesResponse rules() {
        return RulesResponse.of(alerts.choices(), alerts.rules(me()));
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AlertRequests.Input body) {
        return Response.status(Response.Status.CREATED).entity(RuleView.of(alerts.create(me(), body))).build();
    }

    /** Replaces a rule's settings (enabling or disabling it is an update with {@code enabled}). */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleView update(@PathParam("id") long id, AlertRequests.Input body) {
        return RuleView.of(alerts.update(me(), id, body));
    }

    @DELETE
    @Path("rules/{id}")
    public Response delete(@PathParam("id") long id) {
        alerts.delete(me(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("firings")
    public FiringsResponse firings() {
        return FiringsResponse.of(alerts.firings(me(), LOG_LIMIT));
    }

    /** The alerts page was looked at: every firing is seen and the badge clears. */
    @POST
    @Path("firings/seen")
    public FiringsResponse seen() {
        alerts.markSeen(me());
        return FiringsResponse.of(alerts.firings(me(), 0));
    }

    @GET
    @Path("webhook")
    public WebhookView webhook() {
        return WebhookView.of(alerts.webhook(me()).orElse(null));
    }

    @PUT
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView setWebhook(WebhookRequest body) {
        return WebhookView.of(alerts.setWebhook(me(), body == null ? null : body.url()));
    }

    /** A new signing secret, returned once here (and shown again on request by GET webhook). */
    @POST
    @Path("webhook/secret")
    public WebhookView rotateSecret() {
        return WebhookView.of(alerts.rotateSecret(me()));
    }

    @GET
    @Path("deliveries")
    public List<DeliveryView> deliveries() {
        return alerts.deliveries(me(), LOG_LIMIT).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("deliveries/{id}/redeliver")
    public Response redeliver(@PathParam("id") long id) {
        return Response.status(Response.Status.CREATED).entity(DeliveryView.of(alerts.redeliver(me(), id))).build();
    }
}
