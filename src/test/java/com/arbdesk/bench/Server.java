package com.arbdesk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One server under test (the app or the reference) as a child JVM on 127.0.0.1, with its measured start-up. */
public final class Server implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final int port;
    private final double startupSeconds;

    private Server(String name, Process process, int port, double startupSeconds) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    /** Starts {@code command} and waits for the first 200 from {@code GET /health}; start-up is measured from the fork. */
    public static Server start(String name, List<String> command, Map<String, String> env, int port, Path workDir, Path log)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = Children.start(command, env, workDir, log);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = t0 + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + " during start-up; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Server(name, p, port, (System.nanoTime() - t0) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        Children.stop(p);
        throw new IllegalStateException(name + " gave no 200 on /health within " + STARTUP_LIMIT + "; see " + log);
    }

    /** A free loopback port (bound, then released). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    public long pid() {
        return process.pid();
    }

    public double startupSeconds() {
        return startupSeconds;
    }

    @Override
    public void close() {
        Children.stop(process);
    }

    /**
     * One counter from the app's Prometheus text at {@code /metrics} (the bench lets loopback scrape it), summed over
     * its label sets; -1 when it cannot be read (the reference has no such page).
     */
    public double metric(String name) {
        try {
            java.net.http.HttpResponse<String> r = HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return -1;
            }
            double sum = 0;
            boolean seen = false;
            for (String line : r.body().split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    seen = true;
                }
            }
            return seen ? sum : -1;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
