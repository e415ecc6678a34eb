package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.core.QrCodes;
import com.arbdesk.deposit.Deposit;
import com.arbdesk.deposit.DepositCurrency;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.core.Failure;
import com.arbdesk.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The user's deposits: create one, read its status (refreshed from the provider), list them, get its QR code. */
@RolesAllowed(Roles.USER)
@Path("deposits")
@Produces(MediaType.APPLICATION_JSON)
public class DepositResource {
    @Inject
    DepositService deposits;
    @Context
    HttpServletRequest req;

    /** Body of POST /api/deposits/create. */
    public record CreateRequest(String currency, String network, String amountUsd, String mode) {
    }

    /** A coin and network a user can deposit. */
    public record Option(String currency, String network, String networkName, String payCurrency, boolean isDefault) {
    }

    /** The minimum for one coin and network. */
    public record Minimum(String currency, String network, String minAmountUsd) {
    }

    @POST
    @Path("create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateRequest body) {
        if (body == null) {
            throw Failure.invalid("currency", "Send a JSON body with currency, network, amount_usd and mode");
        }
        Deposit d = deposits.create(me().id(), new DepositService.NewDeposit(body.currency(), body.network(), body.amountUsd(),
                body.mode()));
        return Response.status(Response.Status.CREATED).entity(DepositResponse.of(d, req.getContextPath())).build();
    }

    @GET
    @Path("options")
    public List<Option> options() {
        return DepositCurrency.ALL.stream().map(o -> new Option(o.currency(), o.network(), o.networkName(), o.ticker(),
                o.isDefault())).toList();
    }

    @GET
    @Path("minimum")
    public Minimum minimum(@QueryParam("currency") String currency, @QueryParam("network") String network) {
        DepositCurrency o = DepositCurrency.resolve(currency, network);
        return new Minimum(o.currency(), o.network(), deposits.minimumUsd(o).toPlainString());
    }

    @GET
    public List<DepositResponse> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("20") int limit) {
        return deposits.list(me().id(), status, null, false, limit, 0).stream()
                .map(d -> DepositResponse.of(d, req.getContextPath())).toList();
    }

    @GET
    @Path("{id}")
    public DepositResponse get(@PathParam("id") long id) {
        owned(id);
        return DepositResponse.of(deposits.refreshed(id), req.getContextPath());
    }

    /** The amount's quote lapsed: a fresh amount from the provider (the address stays the same). */
    @POST
    @Path("{id}/quote")
    public DepositResponse refreshQuote(@PathParam("id") long id) {
        owned(id);
        return DepositResponse.of(deposits.refreshQuote(id), req.getContextPath());
    }

    @GET
    @Path("{id}/qr")
    @Produces("image/svg+xml")
    public Response qr(@PathParam("id") long id) {
        Deposit d = owned(id);
        if (d.payAddress() == null) {
            throw Failure.notFound("QR code");
        }
        String text = DepositCurrency.byTicker(d.payCurrency()).map(o -> o.walletUri(d.payAddress(), d.payAmount()))
                .orElse(d.payAddress());
        return Response.ok(QrCodes.svg(text)).header("Cache-Control", "private, max-age=3600").build();
    }

    private CurrentUser me() {
        return CurrentUser.of(req).orElseThrow();
    }

    /** Owner or admin only; anyone else gets the same 404 as for a deposit that does not exist. */
    private Deposit owned(long id) {
        Deposit d = deposits.get(id);
        if (d.userId() != me().id() && !me().isAdmin()) {
            throw Failure.notFound("Deposit " + id);
        }
        return d;
    }
}
