package com.arbdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/** The provider's HTTP API, as the real service answers it (status codes, field names and types). */
@PermitAll
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxApiResource {
    @Inject
    SandboxService sandbox;
    @HeaderParam("x-api-key")
    String apiKey;

    private void requireKey() {
        if (!sandbox.validKey(apiKey)) {
            throw new SandboxError(403, "INVALID_API_KEY", "Invalid api key");
        }
    }

    @GET
    @Path("status")
    public ObjectNode status() {
        return SandboxJson.MAPPER.createObjectNode().put("message", "OK");
    }

    @POST
    @Path("auth")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode auth(JsonNode body) {
        if (body == null || body.path("email").asText("").isBlank() || body.path("password").asText("").isBlank()) {
            throw SandboxError.invalid("email and password are required");
        }
        return SandboxJson.MAPPER.createObjectNode().put("token", sandbox.issueToken());
    }

    @GET
    @Path("merchant/coins")
    public ObjectNode merchantCoins() {
        requireKey();
        ObjectNode n = SandboxJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("selectedCurrencies");
        SandboxCoin.ALL.forEach(c -> list.add(c.ticker()));
        return n;
    }

    @GET
    @Path("currencies")
    public ObjectNode currencies(@QueryParam("fixed_rate") boolean fixedRate) {
        requireKey();
        ObjectNode n = SandboxJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("currencies");
        for (SandboxCoin c : SandboxCoin.ALL) {
            if (fixedRate) {
                list.addObject().put("currency", c.ticker()).put("min_amount", SandboxJson.num(c.minAmount()))
                        .put("max_amount", SandboxJson.num(c.fromUsd(new BigDecimal("100000"))));
            } else {
                list.add(c.ticker());
            }
        }
        return n;
    }

    @GET
    @Path("full-currencies")
    public ObjectNode fullCurrencies() {
        requireKey();
        ObjectNode n = SandboxJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("currencies");
        int id = 1;
        for (SandboxCoin c : SandboxCoin.ALL) {
            list.addObject().put("id", id++).put("code", c.ticker().toUpperCase(java.util.Locale.ROOT)).put("name", c.name())
                    .put("enable", true).putNull("wallet_regex").put("priority", id).put("extra_id_exists", c.memo())
                    .putNull("extra_id_regex").put("logo_url", "/images/coins/" + c.ticker() + ".svg").put("track", true)
                    .put("network", c.network()).putNull("smart_contract")
                    .put("network_precision", Integer.toString(c.precision())).put("is_popular", true)
                    .put("is_stable", c.usdRate().compareTo(BigDecimal.ONE) == 0);
        }
        return n;
    }

    @GET
    @Path("min-amount")
    public ObjectNode minAmount(@QueryParam("currency_from") String from, @QueryParam("currency_to") String to,
                                @QueryParam("fiat_equivalent") String fiat) {
        requireKey();
        if (from == null || !from.matches("[A-Za-z0-9]+")) {
            throw SandboxError.invalid("currency_from must only contain alpha-numeric characters");
        }
        SandboxCoin coin = SandboxCoin.require(from);
        ObjectNode n = SandboxJson.MAPPER.createObjectNode().put("currency_from", coin.ticker())
                .put("currency_to", to == null ? coin.ticker() : to.toLowerCase(java.util.Locale.ROOT))
                .put("min_amount", SandboxJson.num(coin.minAmount()));
        if (fiat != null && !fiat.isBlank()) {
            n.put("fiat_equivalent", SandboxJson.num(coin.minUsd()));
        }
        return n;
    }

    @GET
    @Path("estimate")
    public ObjectNode estimate(@QueryParam("amount") String amount, @QueryParam("currency_from") String from,
                               @QueryParam("currency_to") String to) {
        requireKey();
        BigDecimal value = decimal(amount, "amount");
        BigDecimal usd = SandboxCoin.usdValue(value, from);
        BigDecimal out = "usd".equalsIgnoreCase(to) ? usd : SandboxCoin.require(to).fromUsd(usd);
        return SandboxJson.MAPPER.createObjectNode().put("currency_from", from.toLowerCase(java.util.Locale.ROOT))
                .put("amount_from", SandboxJson.num(value)).put("currency_to", to.toLowerCase(java.util.Locale.ROOT))
                .put("estimated_amount", SandboxJson.num(out));
    }

    @POST
    @Path("payment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPayment(JsonNode body) {
        requireKey();
        JsonNode b = body == null ? SandboxJson.MAPPER.createObjectNode() : body;
        SandboxPayment p = sandbox.createPayment(new SandboxService.NewPayment(decimal(text(b, "price_amount"), "price_amount"),
                lower(text(b, "price_currency")), lower(text(b, "pay_currency")), text(b, "order_id"),
                text(b, "order_description"), callbackUrl(text(b, "ipn_callback_url")), b.path("is_fixed_rate").asBoolean(false),
                text(b, "case")));
        synchronized (p) {
            return Response.status(201).entity(SandboxJson.created(p)).build();
        }
    }

    @GET
    @Path("payment/{id}")
    public ObjectNode payment(@PathParam("id") String id) {
        requireKey();
        if (!id.matches("\\d{1,18}")) {
            throw SandboxError.invalid("Payment id must be a number");
        }
        SandboxPayment p = sandbox.payment(Long.parseLong(id));
        synchronized (p) {
            return SandboxJson.status(p);
        }
    }

    /** A fresh quote once the old one lapsed, in the provider's shape (ids as strings, the amount a number). */
    @POST
    @Path("payment/{id}/update-merchant-estimate")
    public ObjectNode updateMerchantEstimate(@PathParam("id") String id) {
        requireKey();
        if (!id.matches("\\d{1,18}")) {
            throw SandboxError.invalid("Payment id must be a number");
        }
        SandboxPayment p = sandbox.updateEstimate(Long.parseLong(id));
        synchronized (p) {
            return SandboxJson.MAPPER.createObjectNode().put("id", Long.toString(p.id))
                    .put("token_id", Long.toString(p.purchaseId)).put("pay_amount", SandboxJson.num(p.payAmount))
                    .put("expiration_estimate_date", p.expiresAt.toString());
        }
    }

    /** GET /payment/ needs the JWT from /auth as well as the key, as the provider requires. */
    @GET
    @Path("payment")
    public ObjectNode listPayments(@HeaderParam("Authorization") String authorization,
                                   @QueryParam("limit") @jakarta.ws.rs.DefaultValue("10") int limit,
                                   @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                                   @QueryParam("invoiceId") String invoiceId) {
        requireKey();
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        if (!sandbox.validToken(token)) {
            throw new SandboxError(401, "AUTH_REQUIRED", "Authorization header is empty (Bearer JWTtoken is required)");
        }
        if (limit < 1 || limit > 500 || page < 0) {
            throw SandboxError.invalid("limit must be 1 to 500 and page at least 0");
        }
        java.util.List<SandboxPayment> all = sandbox.payments().stream()
                .filter(p -> invoiceId == null || String.valueOf(p.invoiceId).equals(invoiceId)).toList();
        ObjectNode n = SandboxJson.MAPPER.createObjectNode();
        ArrayNode data = n.putArray("data");
        all.stream().skip((long) page * limit).limit(limit).forEach(p -> {
            synchronized (p) {
                data.add(SandboxJson.status(p));
            }
        });
        return n.put("limit", limit).put("page", page).put("pagesCount", (all.size() + limit - 1) / limit)
                .put("total", all.size());
    }

    @POST
    @Path("invoice")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createInvoice(JsonNode body) {
        requireKey();
        JsonNode b = body == null ? SandboxJson.MAPPER.createObjectNode() : body;
        SandboxInvoice i = sandbox.createInvoice(decimal(text(b, "price_amount"), "price_amount"), lower(text(b, "price_currency")),
                lower(text(b, "pay_currency")), text(b, "order_id"), text(b, "order_description"),
                callbackUrl(text(b, "ipn_callback_url")), url(text(b, "success_url"), "success_url"),
                url(text(b, "cancel_url"), "cancel_url"), b.path("is_fixed_rate").asBoolean(false),
                b.path("is_fee_paid_by_user").asBoolean(false));
        return Response.status(201).entity(SandboxJson.invoice(i, sandbox.invoiceUrl(i))).build();
    }

    @POST
    @Path("invoice-payment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invoicePayment(JsonNode body) {
        requireKey();
        String iid = body == null ? null : text(body, "iid");
        if (iid == null || !iid.matches("\\d{1,18}")) {
            throw SandboxError.invalid("iid must be a number");
        }
        SandboxPayment p = sandbox.payInvoice(Long.parseLong(iid), lower(text(body, "pay_currency")));
        synchronized (p) {
            return Response.status(201).entity(SandboxJson.created(p)).build();
        }
    }

    static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    static BigDecimal decimal(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw SandboxError.invalid(field + " is required");
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.invalid(field + " must be a number");
        }
    }

    private static String callbackUrl(String raw) {
        return url(raw, "ipn_callback_url");
    }

    private static String url(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.matches("https?://[^\\s|]+")) {
            throw SandboxError.invalid(field + " must be a valid uri");
        }
        return raw;
    }
}
