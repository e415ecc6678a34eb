package com.arbdesk.arbitrage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback stand-in for one exchange's public REST API: answers every request with one canned reply and records it. */
public final class StubExchangeServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile boolean hang;
    /** Replies by path prefix, checked before the one canned reply (an exchange's books and its currency list differ). */
    private final java.util.Map<String, String> byPath = new java.util.concurrent.ConcurrentHashMap<>();

    public StubExchangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.hang = false;
    }

    /** Answers requests whose path starts with pathPrefix with this body (status 200); others get the canned reply. */
    public void answer(String pathPrefix, String body) {
        byPath.put(pathPrefix, body);
    }

    /** Never answers (until closed), to drive the caller into its timeout. */
    public void hang() {
        this.hang = true;
    }

    /** Method, path and query of every request seen, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        try (exchange) {
            if (hang) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String routed = byPath.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            byte[] bytes = (routed != null ? routed : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(routed != null ? 200 : status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
