package com.arbdesk.nowpayments;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A merchant-side IPN endpoint for tests: records every POST and fails the first N with HTTP 500. */
final class IpnReceiver implements AutoCloseable {
    /** One IPN as received. */
    record Received(byte[] body, String signature, String userAgent, String contentType) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    IpnReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ipn", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(in.readAllBytes(), exchange.getRequestHeaders().getFirst("x-nowpayments-sig"),
                        exchange.getRequestHeaders().getFirst("User-Agent"), exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ipn";
    }

    void failNext(int n) {
        failuresLeft.set(n);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until some IPN matches, or fails after the timeout. */
    Received await(Predicate<Received> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (match.test(r)) {
                    return r;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no matching IPN within " + timeout + "; received: "
                + received.stream().map(Received::text).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
