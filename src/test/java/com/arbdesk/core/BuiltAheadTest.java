package com.arbdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value built on its own thread: built once, off the caller's thread, and its failure reaches every caller. */
class BuiltAheadTest {

    @Test
    void buildsOnceOnItsOwnThreadAndEveryGetWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        Thread caller = Thread.currentThread();
        Thread[] builder = new Thread[1];
        BuiltAhead<String> value = BuiltAhead.start("test-builder", () -> {
            builder[0] = Thread.currentThread();
            builds.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "built";
        });
        release.countDown();
        assertEquals("built", value.get());
        assertEquals("built", value.get());
        assertEquals(1, builds.get());
        assertNotEquals(caller, builder[0]);
        assertEquals("test-builder", builder[0].getName());
    }

    @Test
    void aFailureToBuildIsThrownByEveryGet() {
        IllegalArgumentException cause = new IllegalArgumentException("bad secret");
        BuiltAhead<String> value = BuiltAhead.start("test-failing", () -> {
            throw cause;
        });
        assertSame(cause, assertThrows(IllegalArgumentException.class, value::get));
        assertSame(cause, assertThrows(IllegalArgumentException.class, value::get));
    }

    @Test
    void anAlreadyBuiltValueIsReturnedAsIs() {
        Object v = new Object();
        assertSame(v, BuiltAhead.of(v).get());
    }
}
