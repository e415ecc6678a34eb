package com.arbdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * IPN → {@code deposit_updated} on the payer's socket: genuine IPNs for the payer's pending deposits are
 * sent open-loop at a fixed rate; each latency runs from the send to the event saying the deposit completed.
 */
public final class EventLatency {
    /** p50/p99 from IPN send to event, how many events never came within the grace period, and the HTTP p99. */
    public record Result(double p50Millis, double p99Millis, long sent, long missing, double httpP99Millis, long httpFailed,
                         String socketEnd, String slowSpells) {
        public String summary() {
            return String.format("event p50 %.1f ms p99 %.1f ms, %d sent, %d missing; IPN answer p99 %.1f ms, %d not 200%s%s",
                    p50Millis, p99Millis, sent, missing, httpP99Millis, httpFailed,
                    socketEnd.isEmpty() ? "" : "; the payer's socket " + socketEnd,
                    slowSpells.isEmpty() ? "" : "; slow spells (by when the IPN was sent): " + slowSpells);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The timeline's resolution: the worst event and answer of each quarter second, by when its IPN was sent. */
    private static final long SLICE_NANOS = 250_000_000L;
    private static final int SLICES = 4 * 600;
    /** A slice is reported as a slow spell when its worst event took this long. */
    private static final long SLOW_NANOS = 100_000_000L;

    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final Latencies eventLatencies = new Latencies();
    private final Latencies httpLatencies = new Latencies();
    private final AtomicLong httpFailed = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLongArray worstEvent = new AtomicLongArray(SLICES);
    private final AtomicLongArray worstAnswer = new AtomicLongArray(SLICES);
    private volatile long runStart;
    /** How the payer's socket ended during a run (closed by the server with its code and reason, or failed); empty while open. */
    private volatile String socketEnd = "";

    /** The listener for the payer's socket. */
    public WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    onMessage(partial.toString(), System.nanoTime());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                socketEnd = "was closed by the server (" + code + " " + reason + ") after " + received.get() + " messages";
                System.err.println("bench: " + socketEnd);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                socketEnd = "failed (" + error + ") after " + received.get() + " messages";
                System.err.println("bench: " + socketEnd);
            }
        };
    }

    private void onMessage(String text, long now) {
        received.incrementAndGet();
        if (!text.contains("\"deposit_updated\"")) {
            return;
        }
        try {
            JsonNode data = JSON.readTree(text).path("data");
            if (!"completed".equals(data.path("new_status").asText())) {
                return;
            }
            Long t0 = sentAt.remove(data.path("transaction_id").asLong());
            if (t0 != null) {
                synchronized (eventLatencies) {
                    eventLatencies.add(now - t0);
                }
                worst(worstEvent, t0, now - t0);
            }
        } catch (IOException e) {
            System.err.println("unreadable socket message: " + e);
        }
    }

    /**
     * Forgets what a run measured (a warm-up's figures); the listener stays. Call between runs only: a run waits for
     * its stragglers before it returns.
     */
    public void reset() {
        sentAt.clear();
        synchronized (eventLatencies) {
            eventLatencies.clear();
        }
        synchronized (httpLatencies) {
            httpLatencies.clear();
        }
        httpFailed.set(0);
        for (int i = 0; i < SLICES; i++) {
            worstEvent.set(i, 0);
            worstAnswer.set(i, 0);
        }
    }

    private void worst(AtomicLongArray slices, long sentAt, long took) {
        int slice = (int) Math.min(SLICES - 1, Math.max(0, (sentAt - runStart) / SLICE_NANOS));
        slices.accumulateAndGet(slice, took, Math::max);
    }

    /**
     * The quarter seconds whose worst event took over 100 ms, as "+2.25 s: event 640 ms, answer 610 ms", runs of them
     * joined: whether the tail is one stall or spread out, and whether the IPN answers were as late (the server stalled)
     * or only the events (the delivery fell behind).
     */
    private String slowSpells() {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < SLICES && shown < 12; i++) {
            if (worstEvent.get(i) < SLOW_NANOS) {
                continue;
            }
            int j = i;
            long event = 0;
            long answer = 0;
            while (j < SLICES && worstEvent.get(j) >= SLOW_NANOS) {
                event = Math.max(event, worstEvent.get(j));
                answer = Math.max(answer, worstAnswer.get(j));
                j++;
            }
            out.append(out.length() == 0 ? "" : ", ").append(String.format("+%.2f-%.2f s: event %d ms, answer %d ms",
                    i * SLICE_NANOS / 1e9, j * SLICE_NANOS / 1e9, event / 1_000_000, answer / 1_000_000));
            shown++;
            i = j;
        }
        return out.toString();
    }

    /** Sends {@code rate} IPNs per second for {@code duration} over {@code pool}, then waits for the stragglers. */
    public Result run(String baseUrl, Ipns ipns, List<Seeder.Pending> pool, int rate, Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        runStart = start;
        long period = 1_000_000_000L / rate;
        long total = Math.min(pool.size(), duration.toSeconds() * rate);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Seeder.Pending d = pool.get(i);
            long t0 = System.nanoTime();
            sentAt.put(d.transactionId(), t0);
            client.sendAsync(ipns.genuine(baseUrl, d), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    httpFailed.incrementAndGet();
                }
                long took = System.nanoTime() - t0;
                synchronized (httpLatencies) {
                    httpLatencies.add(took);
                }
                worst(worstAnswer, t0, took);
            });
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Latencies events;
        Latencies http;
        synchronized (eventLatencies) {
            events = Latencies.merge(List.of(eventLatencies));
        }
        synchronized (httpLatencies) {
            http = Latencies.merge(List.of(httpLatencies));
        }
        return new Result(events.percentileMillis(0.5), events.percentileMillis(0.99), total, sentAt.size(),
                http.percentileMillis(0.99), httpFailed.get(), socketEnd, slowSpells());
    }
}
