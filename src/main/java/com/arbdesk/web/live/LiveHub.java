package com.arbdesk.web.live;

import com.arbdesk.realtime.LivePublisher;

/**
 * What the WebSocket endpoint needs from the application. Tomcat creates endpoint instances itself,
 * so the application installs this once at start-up (one per web application class loader).
 */
public final class LiveHub {
    private static volatile LivePublisher publisher;

    private LiveHub() {
    }

    public static void install(LivePublisher p) {
        publisher = p;
    }

    static LivePublisher publisher() {
        LivePublisher p = publisher;
        if (p == null) {
            throw new IllegalStateException("realtime is not started");
        }
        return p;
    }
}
