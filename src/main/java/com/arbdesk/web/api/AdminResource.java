package com.arbdesk.web.api;

import com.arbdesk.admin.AdminService;
import com.arbdesk.auth.Roles;
import com.arbdesk.auth.User;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.core.Failure;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.api.TransactionsResource.TransactionResponse;
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
import java.time.Instant;
import java.util.List;

/** The back office API under /api/admin (the auth filter lets only admins through). */
@RolesAllowed(Roles.ADMIN)
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    AdminService admin;
    @Context
    HttpServletRequest req;

    /** A user as the back office lists them. */
    public record UserResponse(long id, String email, String role, boolean disabled, String balanceUsd, Instant createdAt) {
        static UserResponse of(User u, com.arbdesk.core.Money balance) {
            return new UserResponse(u.id(), u.email(), u.role().name(), u.disabled(), balance.toPlainString(), u.createdAt());
        }
    }

    /** A user with their recent transactions. */
    public record UserDetailResponse(UserResponse user, List<TransactionResponse> transactions) {
    }

    /** Body of an adjustment: a signed USD amount as a string and the reason for the audit trail. */
    public record AdjustmentRequest(String amountUsd, String reason) {
    }

    /** The adjustment written. */
    public record AdjustmentResponse(long transactionId, String amountUsd, String newBalanceUsd) {
    }

    @GET
    @Path("users")
    public List<UserResponse> users(@QueryParam("q") @DefaultValue("") String q,
                                    @QueryParam("limit") @DefaultValue("50") int limit,
                                    @QueryParam("offset") @DefaultValue("0") int offset) {
        return admin.searchUsers(q, limit, offset).stream().map(s -> UserResponse.of(s.user(), s.balance())).toList();
    }

    @GET
    @Path("users/{id}")
    public UserDetailResponse user(@PathParam("id") long id) {
        AdminService.UserDetail d = admin.userDetail(id);
        return new UserDetailResponse(UserResponse.of(d.user(), d.balance()),
                d.transactions().stream().map(TransactionResponse::of).toList());
    }

    @POST
    @Path("users/{id}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("id") long id, AdjustmentRequest body) {
        if (body == null) {
            throw Failure.invalid("amount_usd", "Send a JSON body with amount_usd and reason");
        }
        LedgerService.Adjustment a = admin.adjust(CurrentUser.of(req).orElseThrow().id(), id, body.amountUsd(), body.reason());
        return Response.status(Response.Status.CREATED).entity(new AdjustmentResponse(a.transactionId(),
                a.amount().toPlainString(), a.newBalance().toPlainString())).build();
    }

    /** Body of the disable switch. */
    /** {@code disabled} must be given, true or false: an empty body changes nothing. */
    public record DisableRequest(Boolean disabled) {
    }

    @POST
    @Path("users/{id}/disabled")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserDetailResponse setDisabled(@PathParam("id") long id, DisableRequest body) {
        if (body == null || body.disabled() == null) {
            throw Failure.invalid("disabled", "Send {\"disabled\": true} or {\"disabled\": false}");
        }
        admin.setDisabled(CurrentUser.of(req).orElseThrow().id(), id, body.disabled());
        return user(id);
    }

    @GET
    @Path("transactions")
    public List<TransactionResponse> transactions(@QueryParam("type") String type,
                                                  @QueryParam("limit") @DefaultValue("50") int limit,
                                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        return admin.transactions(type == null || type.isBlank() ? null : type, limit, offset).stream()
                .map(TransactionResponse::of).toList();
    }
}
