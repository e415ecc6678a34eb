package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    @Test
    void marketDataGoesOnlyToTheSocketsThatAskedForItEachInTheFormItAskedFor() {
        SessionRegistry registry = new SessionRegistry();
        RecordingSocket dashboard = new RecordingSocket("dashboard");
        RecordingSocket summaryPage = new RecordingSocket("summary");
        RecordingSocket depositsPage = new RecordingSocket("deposits");
        RecordingSocket both = new RecordingSocket("both");
        registry.add(1, "s1", null, dashboard).start("hello");
        registry.add(1, "s1", null, summaryPage).start("hello");
        registry.add(2, "s2", null, depositsPage).start("hello");
        registry.add(3, "s3", null, both).start("hello");
        registry.outbox("dashboard").subscribeMarket();
        registry.outbox("summary").subscribeMarketSummary();
        registry.outbox("both").subscribeMarketSummary();
        registry.outbox("both").subscribeMarket();

        registry.broadcastMarket("full", "summary");

        assertEquals(List.of("hello", "full"), dashboard.sent());
        assertEquals(List.of("hello", "summary"), summaryPage.sent());
        assertEquals(List.of("hello"), depositsPage.sent(), "a socket that asked for neither gets no market data");
        assertEquals(List.of("hello", "full"), both.sent(), "the deltas carry the summary's fields: one message, not two");
    }
}
