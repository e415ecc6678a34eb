package com.arbdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** The reference's {@code POST /api/nowpayments/ipn}: read, verify, one transaction, then the payer's socket event. */
public final class ReferenceIpnServlet extends HttpServlet {
    private static final int MAX_BODY = 64 * 1024;

    private final transient ReferenceVerifier verifier;
    private final transient ReferenceStore store;
    private final transient ReferenceSockets sockets;

    ReferenceIpnServlet(ReferenceVerifier verifier, ReferenceStore store, ReferenceSockets sockets) {
        this.verifier = verifier;
        this.store = store;
        this.sockets = sockets;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            answer(resp, 413, "{\"ok\":false}");
            return;
        }
        String signature = req.getHeader("x-nowpayments-sig");
        JsonNode ipn = verifier.verified(body, signature);
        if (ipn == null) {
            answer(resp, 400, "{\"ok\":false,\"verdict\":\"invalid_signature\"}");
            return;
        }
        String status = ipn.path("payment_status").asText();
        ReferenceStore.Applied applied;
        try {
            applied = store.apply(ipn.path("payment_id").asText(), status, ipn.path("actually_paid").asText(),
                    new String(body, StandardCharsets.UTF_8), signature, req.getRemoteAddr());
        } catch (SQLException e) {
            log("IPN not stored", e);
            answer(resp, 500, "{\"ok\":false}");
            return;
        }
        if (applied != null) {
            sockets.send(applied.userId(), "{\"event\":\"deposit_updated\",\"seq\":0,\"data\":{\"transaction_id\":"
                    + applied.transactionId() + ",\"new_status\":\"completed\"}}");
        }
        answer(resp, 200, "{\"ok\":true,\"verdict\":\"" + (applied == null ? "unknown_payment" : "applied") + "\"}");
    }

    private static void answer(HttpServletResponse resp, int status, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write(json);
    }
}
