package com.arbdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.bench.SocketFleet;
import com.arbdesk.bench.SocketTarget;
import com.arbdesk.boot.App;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deploys target/arbdesk.war into stock Apache Tomcat distributions (10.1 and 11, unpacked from
 * Maven Central by the pre-integration-test phase) and checks a JSON endpoint, a JSP page and a
 * WebSocket handshake under the /arbdesk context path.
 */
class StandaloneTomcatIT {

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("arbdesk.tomcat.versions", "10.1.55").split(",")).map(String::trim);
    }

    @ParameterizedTest(name = "Apache Tomcat {0}")
    @MethodSource("versions")
    void theWarServesJsonJspAndWebSocketOnAStockTomcat(String version) throws Exception {
        Path home = Path.of(System.getProperty("arbdesk.standalone", "target/standalone"), "apache-tomcat-" + version);
        assertTrue(Files.isDirectory(home), home + " is missing (unpacked by the pre-integration-test phase)");
        Path base = Files.createTempDirectory("arbdesk-tomcat-" + version + "-");
        int port = TestServer.freePort();
        Process tomcat = null;
        try {
            for (String d : List.of("conf", "webapps", "logs", "temp", "work")) {
                Files.createDirectories(base.resolve(d));
            }
            try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
                for (Path f : conf.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
                }
            }
            Path serverXml = base.resolve("conf/server.xml");
            Files.writeString(serverXml, Files.readString(serverXml)
                    .replace("port=\"8005\"", "port=\"-1\"")
                    .replace("port=\"8080\"", "port=\"" + port + "\"")
                    // the one line the README asks a standalone deployer to add inside <Host>
                    .replace("</Host>", "<Valve className=\"org.apache.catalina.valves.ErrorReportValve\" showReport=\"false\""
                            + " showServerInfo=\"false\"/></Host>"));
            // the line the README asks for in conf/catalina.properties: Tomcat's per-socket WebSocket buffers at 2 KiB
            Files.writeString(base.resolve("conf/catalina.properties"), "\norg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=2048\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.copy(TestServer.war(), base.resolve("webapps/arbdesk.war"), StandardCopyOption.REPLACE_EXISTING);

            ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run");
            Map<String, String> env = pb.environment();
            env.put("CATALINA_HOME", home.toAbsolutePath().toString());
            env.put("CATALINA_BASE", base.toAbsolutePath().toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("CATALINA_OPTS", "-Xmx384m -XX:+UseSerialGC");
            env.put("APP_MODE", "demo");
            env.put("DATABASE_PATH", base.resolve("arbdesk.db").toString());
            env.put("ARBDESK_CONF", base.resolve("none.properties").toString());
            pb.redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
            tomcat = pb.start();

            String root = "http://localhost:" + port + "/arbdesk";
            awaitHealthy(root + "/health", tomcat, base);

            TestClient client = new TestClient.Factory(root).client();
            TestClient.Res health = client.get("/health");
            assertEquals("ok", health.json().path("status").asText());

            TestClient.Res login = client.get("/login");
            assertEquals(200, login.status());
            assertTrue(login.body().contains("Log in"), "the JSP rendered");
            assertTrue(login.body().contains("/arbdesk/assets/css/app.css"), "URLs carry the context path");
            assertEquals(200, client.get("/assets/css/app.css").status());
            assertEquals(200, client.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status(),
                    "the chart library is served from its WebJar in WEB-INF/lib");

            String token = client.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
            String ws = "ws://localhost:" + port + "/arbdesk/ws";
            try (WsClient socket = WsClient.connect(ws, Map.of("Cookie", "arbdesk_session=" + token))) {
                assertTrue(socket.next(Duration.ofSeconds(10)).contains("\"event\":\"hello\""));
                socket.send(WsClient.paddedPing(1024));
                assertTrue(socket.next(Duration.ofSeconds(10)).contains("\"event\":\"pong\""), "1,024 characters fit");
            }
            try (WsClient socket = WsClient.connect(ws, Map.of("Cookie", "arbdesk_session=" + token))) {
                assertTrue(socket.next(Duration.ofSeconds(10)).contains("\"event\":\"hello\""));
                socket.send(WsClient.paddedPing(1025));
                assertEquals(1009, socket.awaitClose(Duration.ofSeconds(10)), "web.xml's 1 KiB text buffer applies here too");
            }
            // with the README's catalina.properties line, an idle socket stays within issue #13's 40 KiB here as well
            // (catalina.sh run execs the JVM, so the process is Tomcat's)
            try (SocketFleet fleet = new SocketFleet()) {
                SocketTarget target = new SocketTarget(URI.create(ws), Map.of("Cookie", "arbdesk_session=" + token));
                fleet.open(List.of(target), 20);
                double kib = fleet.openMeasuringHeap(tomcat.pid(), List.of(target), 500);
                System.out.printf("Tomcat %s: heap per idle authenticated socket %.1f KiB (500 sockets)%n", version, kib);
                assertTrue(kib > 5 && kib <= 40, String.format("%.1f KiB per idle socket", kib));
            }
            WsClient.HandshakeRefused refused = assertThrows(WsClient.HandshakeRefused.class, () -> WsClient.connect(ws, Map.of()));
            assertEquals(401, refused.status());
            assertEquals(403, client.get("/com/arbdesk/boot/WarLauncher.class").status());

            // access rules and canonical paths hold under a context path too
            assertEquals(403, client.get("/api/admin/users").status(), "a user is no admin");
            assertEquals(401, new TestClient.Factory(root).client().get("/api/admin/users").status());
            RawHttp.Answer variant = RawHttp.send(port, "GET", "/arbdesk//admin", Map.of("Authorization", "Bearer " + token), null);
            assertEquals(400, variant.status());
            RawHttp.Answer bad = RawHttp.send(port, "GET", "/arbdesk/api/admin%2fusers", Map.of(), null);
            assertEquals(400, bad.status());
            assertFalse(bad.body().contains("Apache Tomcat/"), "with the README's valve line, no version: " + bad.body());
            assertFalse(bad.body().contains("Exception"), bad.body());
        } finally {
            if (tomcat != null) {
                tomcat.destroy();
                if (!tomcat.waitFor(30, TimeUnit.SECONDS)) {
                    tomcat.destroyForcibly();
                }
            }
            TestServer.deleteTree(base);
        }
    }

    private static void awaitHealthy(String url, Process tomcat, Path base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!tomcat.isAlive()) {
                throw new AssertionError("Tomcat exited:\n" + Files.readString(base.resolve("console.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ArbDesk did not come up on Tomcat:\n" + Files.readString(base.resolve("console.log")));
    }
}
