package com.arbdesk.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value whose construction starts at once on its own daemon thread, so that start-up goes on meanwhile; the
 * first {@link #get()} waits for it. Used for objects that are slow to build only because of the classes they load
 * (the JWT parser, the provider's HTTP client), which the start-up thread otherwise loaded one after the other
 * (issue #13). A failure to build is thrown by every {@link #get()}.
 */
public final class BuiltAhead<T> implements Supplier<T> {
    private final FutureTask<T> task;

    private BuiltAhead(Supplier<T> build) {
        this.task = new FutureTask<>(build::get);
    }

    /** Starts building on a daemon thread named {@code name} (it inherits the caller's context class loader). */
    public static <T> BuiltAhead<T> start(String name, Supplier<T> build) {
        BuiltAhead<T> value = new BuiltAhead<>(build);
        Thread t = new Thread(value.task, name);
        t.setDaemon(true);
        t.start();
        return value;
    }

    /** An already-built value (tests, and callers that were given one). */
    public static <T> Supplier<T> of(T value) {
        return () -> value;
    }

    @Override
    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a value built at start-up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
