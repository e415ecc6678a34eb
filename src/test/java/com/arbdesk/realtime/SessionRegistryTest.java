package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    /** Records what it was sent. */
    static final class Recorder implements LiveSocket {
        final String id;
        final List<String> sent = new ArrayList<>();

        Recorder(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void sendText(String message, Consumer<Boolean> done) {
            sent.add(message);
            done.accept(true);
        }

        @Override
        public void ping() {
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    @Test
    void marketDataGoesOnlyToTheSocketsThatAskedForItEachInTheFormItAskedFor() {
        SessionRegistry registry = new SessionRegistry();
        Recorder dashboard = new Recorder("dashboard");
        Recorder summaryPage = new Recorder("summary");
        Recorder depositsPage = new Recorder("deposits");
        Recorder both = new Recorder("both");
        registry.add(1, "s1", null, dashboard).start("hello");
        registry.add(1, "s1", null, summaryPage).start("hello");
        registry.add(2, "s2", null, depositsPage).start("hello");
        registry.add(3, "s3", null, both).start("hello");
        registry.outbox("dashboard").subscribeMarket();
        registry.outbox("summary").subscribeMarketSummary();
        registry.outbox("both").subscribeMarketSummary();
        registry.outbox("both").subscribeMarket();

        registry.broadcastMarket("full", "summary");

        assertEquals(List.of("hello", "full"), dashboard.sent);
        assertEquals(List.of("hello", "summary"), summaryPage.sent);
        assertEquals(List.of("hello"), depositsPage.sent, "a socket that asked for neither gets no market data");
        assertEquals(List.of("hello", "full"), both.sent, "the deltas carry the summary's fields: one message, not two");
    }
}
