package com.arbdesk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A WebSocket test client that queues every text message it receives. */
public final class WsClient implements AutoCloseable {
    private final WebSocket socket;
    private final BlockingQueue<String> messages;
    private final java.util.concurrent.CompletableFuture<Integer> closeCode;

    private WsClient(WebSocket socket, BlockingQueue<String> messages, java.util.concurrent.CompletableFuture<Integer> closeCode) {
        this.socket = socket;
        this.messages = messages;
        this.closeCode = closeCode;
    }

    /** The close code the server sent, or an AssertionError if it did not close within the timeout. */
    public int awaitClose(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not close the socket within " + timeout, e);
        }
    }

    /**
     * Connects with these handshake headers; throws {@link HandshakeRefused} with the HTTP status if the
     * upgrade is refused. Market-data broadcasts (arbitrage_update) are dropped: they reach a subscribed socket
     * at any time and are not what these tests look at.
     */
    public static WsClient connect(String wsUrl, Map<String, String> headers) {
        return connect(wsUrl, headers, false);
    }

    /** As {@link #connect(String, Map)}, keeping market-data broadcasts when {@code withMarketData}. */
    public static WsClient connect(String wsUrl, Map<String, String> headers, boolean withMarketData) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        WebSocket.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().newWebSocketBuilder();
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String message = partial.toString();
                        partial.setLength(0);
                        if (withMarketData || !message.startsWith("{\"event\":\"arbitrage_update\"")) {
                            queue.add(message);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            return new WsClient(ws, queue, closed);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw new HandshakeRefused(h.getResponse().statusCode());
            }
            throw new AssertionError("websocket connect failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("websocket connect timed out", e);
        }
    }

    /** The server refused the upgrade with this HTTP status. */
    public static final class HandshakeRefused extends RuntimeException {
        private final int status;

        HandshakeRefused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The next message already received, or null when none is waiting. */
    public String poll() {
        return messages.poll();
    }

    /** The next message, or an AssertionError after the timeout. */
    public String next(Duration timeout) {
        try {
            String m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no websocket message within " + timeout);
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The user's events {@code after + 1 .. after + count}, in seq order, as a client applies them (live.js): a live
     * push may overtake a resume's catch-up, and an event may come both ways, so the order of arrival is not asserted,
     * only that each seq arrives and nothing in between is missing. Messages with seq 0 (pong, market data) and seqs
     * outside the range are skipped. An AssertionError when one is still missing after the timeout.
     */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> seqs(long after, int count, Duration timeout) {
        java.util.TreeMap<Long, com.fasterxml.jackson.databind.JsonNode> got = new java.util.TreeMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("seqs " + (after + 1) + ".." + (after + count) + " expected, got " + got.keySet());
            }
            com.fasterxml.jackson.databind.JsonNode m;
            try {
                m = JSON.readTree(next(Duration.ofNanos(left)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
            long seq = m.path("seq").asLong();
            if (seq > after && seq <= after + count) {
                got.putIfAbsent(seq, m);
            }
        }
        return java.util.List.copyOf(got.values());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A {@code ping} control message padded to exactly {@code chars} characters, for the text buffer's limit (web.xml's
     * textBufferSize: 1,024 characters fit, more close the socket with 1009).
     */
    public static String paddedPing(int chars) {
        String head = "{\"type\":\"ping\",\"pad\":\"";
        return head + "x".repeat(chars - head.length() - 2) + "\"}";
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
