package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A fake socket: records what was sent; a "stuck" one never completes a send, like a client that stopped reading. */
    static final class FakeSocket {
        final List<String> sent = new ArrayList<>();
        final AtomicReference<CloseReason> closed = new AtomicReference<>();
        final boolean stuck;
        final LiveSocket session;

        FakeSocket(boolean stuck) {
            this.stuck = stuck;
            session = new LiveSocket() {
                @Override
                public String id() {
                    return Integer.toHexString(System.identityHashCode(this));
                }

                @Override
                public void sendText(String message, Consumer<Boolean> done) {
                    synchronized (sent) {
                        sent.add(message);
                    }
                    if (!FakeSocket.this.stuck) {
                        done.accept(true);
                    }
                }

                @Override
                public void ping() {
                }

                @Override
                public void close(int code, String reason) {
                    if (closed.get() == null) {
                        closed.set(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
                    }
                }
            };
        }
    }

    private final LiveStats stats = new LiveStats();

    @Test
    void aNewSocketHoldsWhatReachesItUntilItsHelloGoesFirst() {
        FakeSocket s = new FakeSocket(false);
        Outbox o = new Outbox(s.session, 1, null, null, stats);
        o.hold();
        o.offer("event 8"); // stored and pushed while the hello's seq was being read
        assertEquals(List.of(), s.sent, "nothing goes out before the hello");
        o.start("hello 8");
        o.offer("event 9");
        assertEquals(List.of("hello 8", "event 8", "event 9"), s.sent);
    }

    @Test
    void messagesGoOutInOrderOneAtATime() {
        FakeSocket s = new FakeSocket(false);
        Outbox o = new Outbox(s.session, 1, null, null, stats);
        for (int i = 0; i < 10; i++) {
            o.offer("m" + i);
        }
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), s.sent);
        assertEquals(10, stats.messagesSent(), "each completed send is counted");
    }

    @Test
    void aClientThatStopsReadingIsClosedWhenItsQueueOverflowsAndDelaysNobodyElse() {
        FakeSocket stuck = new FakeSocket(true);
        FakeSocket healthy = new FakeSocket(false);
        Outbox slow = new Outbox(stuck.session, 1, null, null, stats);
        Outbox fast = new Outbox(healthy.session, 2, null, null, stats);
        for (int i = 0; i <= Outbox.MAX_QUEUED + 1; i++) {
            slow.offer("to-slow-" + i);
            fast.offer("to-fast-" + i);
        }
        assertEquals(1, stuck.sent.size(), "one send in flight, never completed");
        assertTrue(stuck.closed.get() != null, "the stuck client was closed when its queue overflowed");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, stuck.closed.get().getCloseCode());
        assertEquals(Outbox.MAX_QUEUED + 2, healthy.sent.size(), "the healthy client got everything at once");
        assertFalse(healthy.closed.get() != null);
        assertEquals(1, stats.queueOverflows(), "the overflow is counted");
        assertEquals(Outbox.MAX_QUEUED + 2, stats.messagesSent(), "the send that never completed is not counted");
    }

    @Test
    void theQueueIsBoundedByWhatItHoldsSoABurstOfSmallEventsFitsAndBigFramesDoNot() {
        FakeSocket stuck = new FakeSocket(true);
        Outbox burst = new Outbox(stuck.session, 1, null, null, stats);
        String event = "x".repeat(400); // a deposit_updated envelope's size
        int fit = Outbox.MAX_QUEUED_CHARS / event.length(); // 2,621: about 1.8 s of the benchmark payer's events
        for (int i = 0; i < Math.min(fit, Outbox.MAX_QUEUED); i++) {
            burst.offer(event);
        }
        assertFalse(stuck.closed.get() != null, "a burst of small events within the limit keeps the socket");
        FakeSocket dashboard = new FakeSocket(true);
        Outbox market = new Outbox(dashboard.session, 2, null, null, stats);
        String delta = "d".repeat(130_000);
        for (int i = 0; i < 8; i++) {
            market.offer(delta);
        }
        assertFalse(dashboard.closed.get() != null, "seven 130 KB frames queued behind a stalled send still fit");
        market.offer(delta);
        market.offer(delta);
        assertTrue(dashboard.closed.get() != null, "nine queued behind it exceed the limit");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, dashboard.closed.get().getCloseCode());
    }
}
