package com.arbdesk.nowpayments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake NOWPayments API on 127.0.0.1 (random port) for client tests: answers are programmed per
 * route and served in order (the last one repeats), and every request is logged.
 */
final class StubProvider implements AutoCloseable {

    /** One request as the stub saw it; {@code path} is relative to /v1. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        /** First value of a header, case-insensitive; null when absent. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, String contentType, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> log = new CopyOnWriteArrayList<>();

    private StubProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-provider");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubProvider start() {
        try {
            return new StubProvider();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub provider", e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Adds a JSON answer for {@code "GET /path"} or, more specific, {@code "GET /path?query"}. */
    StubProvider on(String methodAndPath, int status, String json) {
        return add(methodAndPath, new Answer(status, json, "application/json; charset=utf-8", Duration.ZERO));
    }

    StubProvider onHtml(String methodAndPath, int status, String html) {
        return add(methodAndPath, new Answer(status, html, "text/html", Duration.ZERO));
    }

    /** An answer sent only after {@code delay}, to provoke client timeouts. */
    StubProvider onSlow(String methodAndPath, Duration delay, int status, String json) {
        return add(methodAndPath, new Answer(status, json, "application/json", delay));
    }

    List<Recorded> requests() {
        return List.copyOf(log);
    }

    List<Recorded> requests(String methodAndPath) {
        return log.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
    }

    /** A local port nobody listens on (bound, then released). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private StubProvider add(String methodAndPath, Answer answer) {
        routes.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().replaceFirst("^/v1", "");
        String query = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        log.add(new Recorded(ex.getRequestMethod(), path, query, Map.copyOf(ex.getRequestHeaders()), body));
        String key = ex.getRequestMethod() + " " + path;
        Answer answer = next(query == null ? key : key + "?" + query);
        if (answer == null) {
            answer = next(key);
        }
        if (answer == null) {
            answer = new Answer(404, "{\"status\":false,\"statusCode\":404,\"code\":\"NOT_FOUND\","
                    + "\"message\":\"stub: no route for " + key + "\"}", "application/json", Duration.ZERO);
        }
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", answer.contentType());
        ex.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer next(String key) {
        Deque<Answer> answers = routes.get(key);
        if (answers == null) {
            return null;
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }
}
