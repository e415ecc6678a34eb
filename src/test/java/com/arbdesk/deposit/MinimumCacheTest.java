package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.core.Money;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The minimum is asked for the pair the provider applies: the pay coin to the merchant's payout currency. */
class MinimumCacheTest {
    @Test
    void currencyToIsLeftToTheProviderAndTheAnswerIsTheFiatEquivalentRoundedUp() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/min-amount", ex -> {
            queries.add(ex.getRequestURI().getRawQuery());
            byte[] body = "{\"currency_from\":\"btc\",\"currency_to\":\"usdttrc20\",\"min_amount\":0.0001813,\"fiat_equivalent\":11.7845}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            NowPaymentsClient client = new NowPaymentsClient(NowPaymentsClient.Settings.of(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "k"));
            MinimumCache cache = new MinimumCache(client, Clock.systemUTC());
            assertEquals(Money.usd("11.79"), cache.minimumUsd("btc"), "rounded up to the cent");
            assertEquals(Money.usd("11.79"), cache.minimumUsd("btc"), "cached");
            assertEquals(List.of("currency_from=btc&fiat_equivalent=usd"), queries, "no currency_to: the provider's payout default");
        } finally {
            server.stop(0);
        }
    }
}
