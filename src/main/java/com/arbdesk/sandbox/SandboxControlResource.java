package com.arbdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/**
 * The payer's side of the sandbox as JSON, for the control page and for tests: list payments and
 * invoices, act on a payment (pay, pay part, overpay, pay late with or without IPNs, fail, expire,
 * refund, re-deposit, resend last IPN, lose its IPNs) and switch all IPN delivery off. Writes require a JSON body, which a cross-site form cannot send.
 */
@PermitAll
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxControlResource {
    @Inject
    SandboxService sandbox;

    @GET
    public ObjectNode state() {
        ObjectNode n = SandboxJson.MAPPER.createObjectNode();
        n.put("drop_ipns", sandbox.droppingIpns());
        ArrayNode list = n.putArray("payments");
        for (SandboxPayment p : sandbox.payments()) {
            list.add(view(p));
        }
        ArrayNode invoices = n.putArray("invoices");
        for (SandboxInvoice i : sandbox.invoices()) {
            invoices.add(SandboxJson.invoice(i, sandbox.invoiceUrl(i)).put("lose_ipns", i.loseIpns().get()));
        }
        return n;
    }

    @GET
    @Path("payments/{id}")
    public ObjectNode payment(@PathParam("id") long id) {
        return view(sandbox.payment(id));
    }

    @POST
    @Path("payments/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode act(@PathParam("id") long id, @PathParam("action") String action, JsonNode body) {
        String amount = body == null ? null : SandboxApiResource.text(body, "amount");
        BigDecimal value = amount == null || amount.isBlank() ? null : SandboxApiResource.decimal(amount, "amount");
        return view(sandbox.act(id, SandboxService.Action.parse(action), value));
    }

    /** {@code {"lose": true}}: the payments created from this invoice lose their IPNs. */
    @POST
    @Path("invoices/{id}/ipns")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode invoiceIpns(@PathParam("id") long id, JsonNode body) {
        SandboxInvoice i = sandbox.loseInvoiceIpns(id, body != null && body.path("lose").asBoolean(false));
        return SandboxJson.invoice(i, sandbox.invoiceUrl(i)).put("lose_ipns", i.loseIpns().get());
    }

    /** {@code {"requests": 3, "route": "POST /payment"}}: the next calls to that route (or any, "*") answer 429. */
    @POST
    @Path("rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode rateLimit(JsonNode body) {
        String route = body == null ? null : SandboxApiResource.text(body, "route");
        int count = sandbox.rateLimit().set(route, body == null ? 1 : body.path("requests").asInt(1));
        return SandboxJson.MAPPER.createObjectNode().put("route", route == null ? "*" : route).put("requests", count);
    }

    @POST
    @Path("ipn-delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode ipnDelivery(JsonNode body) {
        sandbox.setDroppingIpns(body != null && body.path("drop").asBoolean(false));
        return SandboxJson.MAPPER.createObjectNode().put("drop_ipns", sandbox.droppingIpns());
    }

    static ObjectNode view(SandboxPayment p) {
        synchronized (p) {
            ObjectNode n = SandboxJson.status(p);
            n.put("lose_ipns", p.loseIpns);
            ArrayNode log = n.putArray("ipn_log");
            for (SandboxPayment.IpnAttempt a : p.ipnLog) {
                log.addObject().put("at", a.at().toString()).put("status", a.status()).put("http_status", a.httpStatus())
                        .put("outcome", a.outcome());
            }
            return n;
        }
    }
}
