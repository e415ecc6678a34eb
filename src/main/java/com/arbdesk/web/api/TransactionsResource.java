package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionRecord;
import com.arbdesk.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** GET /api/transactions: the caller's transactions, newest first, paginated. */
@RolesAllowed(Roles.USER)
@Path("transactions")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionsResource {
    @Inject
    LedgerService ledger;
    @Context
    HttpServletRequest req;

    /** One transaction on the wire; amounts are exact decimal strings. */
    public record TransactionResponse(long id, String type, String amountUsd, String creditedUsd, String status,
                                      String reference, String description, String payinHash, String payinHashUrl,
                                      Instant createdAt, Instant updatedAt) {
        public static TransactionResponse of(TransactionRecord t) {
            return new TransactionResponse(t.id(), t.type(), t.amount().toPlainString(), t.shownAmount().toPlainString(),
                    t.status(), t.reference(), t.description(), t.payinHash(), t.payinHashUrl(), t.createdAt(), t.updatedAt());
        }
    }

    /** A page of transactions. */
    public record PageResponse(List<TransactionResponse> items, long total, int limit, int offset) {
    }

    @GET
    public PageResponse list(@QueryParam("limit") @DefaultValue("20") int limit,
                             @QueryParam("offset") @DefaultValue("0") int offset) {
        LedgerService.TransactionPage page = ledger.transactions(CurrentUser.of(req).orElseThrow().id(), limit, offset);
        return new PageResponse(page.items().stream().map(TransactionResponse::of).toList(), page.total(), page.limit(),
                page.offset());
    }
}
