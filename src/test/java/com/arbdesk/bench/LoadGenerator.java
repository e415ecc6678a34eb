package com.arbdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * A closed-loop load generator: N threads, each with a request in flight at all times over kept-alive
 * HTTP/1.1 connections to 127.0.0.1, for a fixed duration; latency of every answer with the expected status.
 */
public final class LoadGenerator {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private LoadGenerator() {
    }

    /**
     * Runs {@code connections} loops for {@code duration}; request number i (counted across all loops) is
     * {@code requests.apply(i)}; a null request means "nothing left" and ends that loop early.
     */
    public static LoadResult run(int connections, Duration duration, int expectedStatus, LongFunction<HttpRequest> requests)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong sequence = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Latencies> parts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < connections; t++) {
            Latencies mine = new Latencies();
            parts.add(mine);
            Thread th = new Thread(() -> loop(client, end, expectedStatus, requests, sequence, mine, failed, firstFailure),
                    "bench-load-" + t);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(duration.toMillis() + REQUEST_TIMEOUT.toMillis() + 5_000);
        }
        double seconds = (Math.max(System.nanoTime(), end) - start) / 1e9;
        seconds = Math.min(seconds, duration.toNanos() / 1e9 + 0.5);
        Latencies all = Latencies.merge(parts);
        return new LoadResult(all.count() / seconds, all.percentileMillis(0.50), all.percentileMillis(0.99),
                all.count(), failed.get(), firstFailure.get());
    }

    private static void loop(HttpClient client, long end, int expectedStatus, LongFunction<HttpRequest> requests,
                             AtomicLong sequence, Latencies mine, AtomicLong failed, AtomicReference<String> firstFailure) {
        while (System.nanoTime() < end) {
            HttpRequest req = requests.apply(sequence.getAndIncrement());
            if (req == null) {
                firstFailure.compareAndSet(null, "ran out of prepared requests (raise --poolPerSecond)");
                return;
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - t0;
                if (r.statusCode() == expectedStatus) {
                    mine.add(took);
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, "HTTP " + r.statusCode() + " " + snippet(r.body()));
                }
            } catch (IOException e) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A request builder with the suite's timeout. */
    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    static String snippet(byte[] body) {
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
