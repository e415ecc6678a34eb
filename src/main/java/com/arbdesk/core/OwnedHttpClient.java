package com.arbdesk.core;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A JDK HTTP client whose threads do not hold on to the web application: its selector thread and its workers get the
 * platform class loader as their context loader, and the workers run on an executor that {@link #close} stops.
 * <p>Why: built as before, with the caller's context loader and the JDK's own executor, each client left a selector
 * thread and idle workers carrying the WAR's class loader after the application stopped. A standalone Tomcat warned
 * about each one on every stop, and every redeploy kept the old class loader, with all its classes, alive.
 */
public final class OwnedHttpClient implements AutoCloseable {
    private final ExecutorService executor;
    private final HttpClient client;

    private OwnedHttpClient(String name, UnaryOperator<HttpClient.Builder> settings) {
        ClassLoader neutral = ClassLoader.getPlatformClassLoader();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(neutral);
            return t;
        });
        // the selector thread is started by build() and inherits this thread's context loader
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(neutral);
        try {
            this.client = settings.apply(HttpClient.newBuilder()).executor(executor).build();
        } finally {
            me.setContextClassLoader(before);
        }
    }

    /** A client with {@code settings} applied to a new builder; its worker threads are named {@code name-N}. */
    public static OwnedHttpClient build(String name, UnaryOperator<HttpClient.Builder> settings) {
        return new OwnedHttpClient(name, settings);
    }

    public HttpClient client() {
        return client;
    }

    /** Stops the workers (requests in flight fail); the selector thread ends once the client is unreachable. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
