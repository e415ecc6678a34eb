package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final SessionRegistry registry = new SessionRegistry();
    private final Map<String, RecordingSocket> probes = new HashMap<>();
    private final List<Set<String>> sessionLookups = new ArrayList<>();
    private final List<Set<Long>> userLookups = new ArrayList<>();

    private RecordingSocket open(String socket, long userId, String sessionId, Instant expiresAt) {
        RecordingSocket p = new RecordingSocket(socket);
        registry.add(userId, sessionId, expiresAt, p).start("{\"type\":\"hello\"}");
        probes.put(socket, p);
        return p;
    }

    private Heartbeat heartbeat(Set<String> openSessions, Set<Long> enabledUsers) {
        return new Heartbeat(registry, ids -> {
            sessionLookups.add(Set.copyOf(ids));
            return openSessions;
        }, ids -> {
            userLookups.add(Set.copyOf(ids));
            return enabledUsers;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void oneLookupForAllSocketsClosesTheEndedOnesAndPingsTheRest() {
        RecordingSocket live = open("a", 1, "s-live", NOW.plusSeconds(3600));
        RecordingSocket secondTab = open("b", 1, "s-live", NOW.plusSeconds(3600));
        RecordingSocket revoked = open("c", 2, "s-revoked", NOW.plusSeconds(3600));
        RecordingSocket expired = open("d", 3, "s-expired-here", NOW.minusSeconds(1));
        RecordingSocket token = open("e", 4, null, null);
        RecordingSocket disabledToken = open("f", 5, null, null);

        heartbeat(Set.of("s-live", "s-expired-here"), Set.of(4L)).sweep();

        assertEquals(List.of(Set.of("s-live", "s-revoked", "s-expired-here")), sessionLookups, "one lookup, each session once");
        assertEquals(List.of(Set.of(4L, 5L)), userLookups, "one lookup for the socket-token sockets' users");
        assertNull(live.closedWith());
        assertNull(secondTab.closedWith());
        assertNull(token.closedWith());
        assertEquals(1, live.pings());
        assertEquals(1, secondTab.pings());
        assertEquals(1, token.pings());
        assertEquals(LiveSocket.SESSION_ENDED, revoked.closedWith());
        assertEquals(LiveSocket.SESSION_ENDED, expired.closedWith(), "the socket's own login time is over");
        assertEquals(LiveSocket.SESSION_ENDED, disabledToken.closedWith());
        assertEquals(0, revoked.pings() + expired.pings() + disabledToken.pings());
    }

    @Test
    void aFailingLookupClosesNothingAndTheNextSweepRuns() {
        RecordingSocket p = open("a", 1, "s", NOW.plusSeconds(3600));
        new Heartbeat(registry, ids -> {
            throw new IllegalStateException("database unavailable");
        }, ids -> Set.of(), Clock.fixed(NOW, ZoneOffset.UTC)).sweep();
        assertNull(p.closedWith(), "a read that failed is not a revoked session");
        heartbeat(Set.of("s"), Set.of()).sweep();
        assertNull(p.closedWith());
        assertEquals(1, p.pings());
    }

    @Test
    void thirtyTicksVisitEverySocketOnceEachInItsOwnSlice() {
        for (int i = 0; i < 300; i++) {
            open("socket-" + i, i, "s-" + i, NOW.plusSeconds(3600));
        }
        Set<String> all = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            all.add("s-" + i);
        }
        Heartbeat beat = heartbeat(all, Set.of());
        for (int t = 0; t < Heartbeat.SLICES; t++) {
            beat.tick();
        }
        probes.values().forEach(p -> assertEquals(1, p.pings(), p.id() + " is pinged once a round"));
        assertEquals(Heartbeat.SLICES, sessionLookups.size(), "one lookup per tick");
        int largest = sessionLookups.stream().mapToInt(Set::size).max().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(largest < 300 / 5, "no tick takes the whole lot: " + largest);
        beat.tick(); // the next round starts with the first slice again
        assertEquals(sessionLookups.get(0), sessionLookups.get(Heartbeat.SLICES));
    }
}
