package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Deposit creation stays within the provider's request rate: a burst over it is answered 503 with Retry-After, and never sent. */
class DepositCreateRateIT {
    private static final String BODY = "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\"}";

    @Test
    void aBurstOfCreatesBeyondTheBudgetIsAskedToRetryAndNeverReachesTheProvider() throws Exception {
        try (TestServer server = TestServer.start(Map.of("NOWPAYMENTS_CREATE_PER_SECOND", "1"))) {
            List<TestClient> users = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TestClient u = server.client();
                users.add(u.withBearer(u.signup("burst-" + i + "@example.com", "a long passphrase")));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            List<TestClient.Res> answers = new ArrayList<>();
            try {
                List<Future<TestClient.Res>> futures = new ArrayList<>();
                for (TestClient u : users) {
                    futures.add(pool.submit(() -> u.postJson("/api/deposits/create", BODY)));
                }
                for (Future<TestClient.Res> f : futures) {
                    answers.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long created = answers.stream().filter(r -> r.status() == 201).count();
            List<TestClient.Res> busy = answers.stream().filter(r -> r.status() == 503).toList();
            assertEquals(8, created + busy.size(), answers.toString());
            assertTrue(created <= 1 + (long) Math.ceil(seconds), created + " created in " + seconds + " s at 1 per second");
            assertTrue(!busy.isEmpty(), "some were asked to retry");
            for (TestClient.Res r : busy) {
                assertEquals("provider_unavailable", r.errorCode());
                assertTrue(Integer.parseInt(r.header("Retry-After").orElse("0")) >= 1, r.toString());
            }
            assertEquals(created, server.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit'"),
                    "a create asked to retry wrote nothing");
            assertEquals(created, server.client().get("/sandbox/nowpayments/control").json().path("payments").size(),
                    "and sent nothing to the provider");
        }
    }
}
