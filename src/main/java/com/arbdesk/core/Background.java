package com.arbdesk.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The application's background loops: each runs on its own named daemon thread, so none can keep the JVM alive. */
public final class Background {
    private Background() {
    }

    public static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
