package com.arbdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 request over a socket bound to a chosen loopback source address (127.0.0.2, ...), so
 * a test can be several clients to the server: java.net.http cannot choose its local address. The
 * server listens on every interface, and all of 127.0.0.0/8 is this machine.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** Status, the raw head and the body as sent (chunked bodies keep their chunk lines). */
    public record Reply(int status, String head, String body) {
        public Optional<String> header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }
    }

    public static Reply postJson(String fromAddress, int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String request = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String reply = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            int split = reply.indexOf("\r\n\r\n");
            String head = split < 0 ? reply : reply.substring(0, split);
            return new Reply(Integer.parseInt(head.split(" ")[1]), head, split < 0 ? "" : reply.substring(split + 4));
        } catch (IOException e) {
            throw new AssertionError("request from " + fromAddress + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }
}
