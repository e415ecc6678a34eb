package com.arbdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client's threads carry the platform class loader, not the one of the thread that built it (a web application's),
 * and its workers stop on close.
 */
class OwnedHttpClientTest {
    private static List<Thread> threadsNotIn(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
    }

    @Test
    void itsThreadsDoNotCarryTheBuildersClassLoaderAndItsWorkersStopOnClose() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        server.start();
        Thread me = Thread.currentThread();
        ClassLoader original = me.getContextClassLoader();
        ClassLoader webapp = new URLClassLoader(new URL[0], original);
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        me.setContextClassLoader(webapp);
        OwnedHttpClient owned;
        try {
            owned = OwnedHttpClient.build("owned-test", b -> b.connectTimeout(Duration.ofSeconds(2)));
            assertSame(webapp, me.getContextClassLoader(), "the builder's own context loader is given back");
        } finally {
            me.setContextClassLoader(original);
        }
        try {
            HttpResponse<String> r = owned.client().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString())
                    .get();
            assertEquals("ok", r.body());
            List<Thread> started = threadsNotIn(before).stream().filter(t -> !t.getName().startsWith("HTTP-Dispatcher")).toList();
            assertTrue(started.stream().anyMatch(t -> t.getName().endsWith("SelectorManager")), "the selector: " + started);
            assertTrue(started.stream().anyMatch(t -> t.getName().startsWith("owned-test-")), "a worker: " + started);
            for (Thread t : started) {
                assertFalse(t.getContextClassLoader() == webapp, t.getName() + " carries the builder's class loader");
            }
        } finally {
            owned.close();
            server.stop(0);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threadsNotIn(before).stream().anyMatch(t -> t.getName().startsWith("owned-test-") && t.isAlive())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(threadsNotIn(before).stream().anyMatch(t -> t.getName().startsWith("owned-test-") && t.isAlive()),
                "the workers stopped");
    }
}
