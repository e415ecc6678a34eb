package com.arbdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast fake NOWPayments API on 127.0.0.1 for the app under test: fixed answers (shapes from
 * ProviderSamples / api-facts.md) and a created payment per POST /payment with a fresh payment id.
 */
public final class ProviderStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKERS = "[\"usdttrc20\",\"usdterc20\",\"usdtbsc\",\"usdtmatic\",\"usdtsol\",\"usdtton\","
            + "\"btc\",\"eth\",\"usdc\",\"usdcmatic\",\"usdcsol\",\"usdcbsc\",\"xrp\"]";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong nextPaymentId = new AtomicLong(7_000_000_000L);
    private final AtomicLong created = new AtomicLong();

    private ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-provider");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ProviderStub start() throws IOException {
        return new ProviderStub();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Payments created since start. */
    public long created() {
        return created.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().replaceFirst("^/v1", "");
            byte[] body = ex.getRequestBody().readAllBytes();
            String key = ex.getRequestMethod() + " " + path;
            String answer;
            if (key.equals("POST /payment")) {
                answer = createPayment(body);
            } else if (key.equals("GET /status")) {
                answer = "{\"message\":\"OK\"}";
            } else if (key.equals("GET /merchant/coins")) {
                answer = "{\"selectedCurrencies\":" + TICKERS + "}";
            } else if (key.equals("GET /currencies")) {
                answer = "{\"currencies\":" + TICKERS + "}";
            } else if (key.equals("GET /full-currencies")) {
                answer = "{\"currencies\":[]}";
            } else if (key.equals("GET /min-amount")) {
                answer = "{\"currency_from\":\"usdttrc20\",\"currency_to\":\"usdttrc20\",\"min_amount\":1,\"fiat_equivalent\":1}";
            } else if (key.equals("GET /estimate")) {
                answer = "{\"currency_from\":\"usd\",\"amount_from\":10,\"currency_to\":\"usdttrc20\",\"estimated_amount\":10}";
            } else {
                answer = null;
            }
            int status = answer == null ? 404 : 200;
            byte[] out = (answer == null ? "{\"status\":false,\"statusCode\":404,\"message\":\"bench stub: no route for "
                    + key + "\"}" : answer).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private String createPayment(byte[] body) throws IOException {
        JsonNode req = JSON.readTree(body);
        Instant now = Instant.now();
        ObjectNode n = JSON.createObjectNode();
        n.put("payment_id", String.valueOf(nextPaymentId.incrementAndGet()));
        n.put("payment_status", "waiting");
        n.put("pay_address", "TDbqd96NNmXmNQCCbdohbvDnDZHcZy1GGJ");
        n.set("price_amount", req.path("price_amount"));
        n.put("price_currency", req.path("price_currency").asText("usd"));
        n.set("pay_amount", req.path("price_amount"));
        n.put("amount_received", req.path("price_amount").asDouble());
        n.put("pay_currency", req.path("pay_currency").asText());
        n.set("order_id", req.path("order_id"));
        n.putNull("order_description");
        n.putNull("payin_extra_id");
        n.set("ipn_callback_url", req.path("ipn_callback_url"));
        n.put("created_at", now.toString());
        n.put("updated_at", now.toString());
        n.put("purchase_id", String.valueOf(nextPaymentId.get() + 1_000_000));
        n.put("network", "trx");
        n.put("expiration_estimate_date", now.plus(Duration.ofMinutes(20)).toString());
        n.put("is_fixed_rate", true);
        n.put("is_fee_paid_by_user", false);
        n.put("valid_until", now.plus(Duration.ofDays(7)).toString());
        n.put("type", "crypto2crypto");
        n.put("product", "api");
        created.incrementAndGet();
        return JSON.writeValueAsString(n);
    }
}
