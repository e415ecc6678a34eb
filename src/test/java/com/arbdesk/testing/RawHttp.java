package com.arbdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as written, byte for byte, over a plain socket. Java's HTTP clients normalise or
 * refuse the very spellings the access tests need ({@code //x}, {@code %2f}, a lone {@code %}, {@code ;p}).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A parsed answer: status, headers (names lower-cased; the last value wins) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public java.util.Optional<String> optionalHeader(String name) {
            return java.util.Optional.ofNullable(header(name));
        }
    }

    /** A JSON POST from a chosen loopback source address (127.0.0.2, ...), as a second client machine would send it. */
    public static Answer postJson(String fromAddress, int port, String path, String json) {
        return send(fromAddress, port, "POST", path, Map.of("Content-Type", "application/json"), json);
    }

    /** Sends {@code METHOD target HTTP/1.1} with these headers (Host and Connection: close are added) and a body. */
    public static Answer send(int port, String method, String target, Map<String, String> headers, String body) {
        return send(null, port, method, target, headers, body);
    }

    /** The same from a chosen local address (null: any). */
    public static Answer send(String fromAddress, int port, String method, String target, Map<String, String> headers,
                              String body) {
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            req.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket()) {
            if (fromAddress != null) {
                s.bind(new InetSocketAddress(fromAddress, 0));
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return parse(readAll(s.getInputStream(), headers.containsKey("Upgrade")));
        } catch (IOException e) {
            throw new AssertionError(method + " " + target + " failed: " + e, e);
        }
    }

    /** Reads to the end; for an upgrade, only up to the end of the headers (a 101 keeps the socket open). */
    private static byte[] readAll(InputStream in, boolean upgrade) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            if (upgrade && buf.size() > 4 && buf.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return buf.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
