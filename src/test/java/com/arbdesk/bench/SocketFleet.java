package com.arbdesk.bench;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many idle WebSockets from one shared client: they read and drop every message, and are aborted on close. The one
 * measured socket ({@link #connectOne}) has a client of its own.
 */
public final class SocketFleet implements AutoCloseable {
    private static final int IN_FLIGHT = 64;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * The measured socket's own client, as the paying user's browser is its own: sharing the idle sockets' client
     * put its reads on the one selector thread that also answers 5,000 sockets' pings and announcements.
     */
    private final HttpClient ownClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> open = new ArrayList<>();

    /** Opens {@code count} sockets round-robin over {@code targets}, at most 64 handshakes at a time. */
    public void open(List<SocketTarget> targets, int count) throws InterruptedException, ExecutionException, TimeoutException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            CompletableFuture<WebSocket> f = connect(client, targets.get(i % targets.size()), new Idle());
            f.whenComplete((ws, e) -> slots.release());
            pending.add(f);
        }
        for (CompletableFuture<WebSocket> f : pending) {
            open.add(f.get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * Opens {@code count} more sockets and returns what each costs the server process {@code pid}: its live heap
     * ({@link HeapProbe}, after a full GC) before and after, over {@code count}, in KiB.
     */
    public double openMeasuringHeap(long pid, List<SocketTarget> targets, int count) throws Exception {
        long before = HeapProbe.liveBytes(pid);
        open(targets, count);
        Thread.sleep(500);
        long after = HeapProbe.liveBytes(pid);
        return (after - before) / 1024.0 / count;
    }

    /** One socket with its own listener, kept in this fleet. */
    public WebSocket connectOne(SocketTarget target, WebSocket.Listener listener)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebSocket ws = connect(ownClient, target, listener).get(30, TimeUnit.SECONDS);
        open.add(ws);
        return ws;
    }

    public int size() {
        return open.size();
    }

    private static CompletableFuture<WebSocket> connect(HttpClient via, SocketTarget t, WebSocket.Listener listener) {
        WebSocket.Builder b = via.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        t.headers().forEach(b::header);
        return b.buildAsync(t.uri(), listener);
    }

    @Override
    public void close() {
        open.forEach(WebSocket::abort);
        open.clear();
    }

    /** Reads everything, keeps nothing. */
    private static final class Idle implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            webSocket.request(1);
            return null;
        }
    }
}
