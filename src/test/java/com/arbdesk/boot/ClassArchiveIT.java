package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -XX:ArchiveClassesAtExit=F -jar arbdesk.war cds-archive} writes a class-data-sharing archive from a
 * training start that uses nothing of its environment, and {@code java -XX:SharedArchiveFile=F -jar arbdesk.war} then
 * starts with the application's classes mapped from it (README, "Faster start-up").
 */
class ClassArchiveIT {
    static Path work;
    static Path archive;
    static String trainingLog;
    static int trainingExit;

    @BeforeAll
    static void train() throws Exception {
        work = Files.createTempDirectory("arbdesk-cds-it-");
        archive = work.resolve("arbdesk.jsa");
        Path log = work.resolve("training.log");
        // settings a real deployment would have: the training start must use none of them
        Map<String, String> env = Map.of(
                "DATABASE_PATH", work.resolve("deployment.db").toString(),
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/not-the-training-database",
                "NOWPAYMENTS_API_URL", "http://127.0.0.1:1/not-the-provider",
                "ARBDESK_CONF", work.resolve("missing.properties").toString());
        Process p = TestServer.launch(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=error"), env, log, work,
                EmbeddedServer.ClassArchive.COMMAND);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the training start ended");
        trainingExit = p.exitValue();
        trainingLog = Files.readString(log);
    }

    @AfterAll
    static void cleanUp() {
        TestServer.deleteTree(work);
    }

    @Test
    void theTrainingStartWritesAnArchiveAndTouchesNoneOfTheDeploymentsSettings() {
        assertEquals(0, trainingExit, trainingLog);
        assertTrue(Files.isRegularFile(archive), trainingLog);
        assertTrue(archive.toFile().length() > 1_000_000, "an archive of the application's classes: " + archive.toFile().length());
        assertTrue(trainingLog.contains("production mode"), trainingLog);
        assertFalse(Files.exists(work.resolve("deployment.db")), "the deployment's database was not opened");
        assertFalse(trainingLog.contains("not-the-training-database"), trainingLog);
        assertFalse(trainingLog.contains("ERROR"), trainingLog);
        assertTrue(trainingLog.contains("-XX:SharedArchiveFile=" + archive), "it says how to use the archive:\n" + trainingLog);
    }

    @Test
    void aStartWithTheArchiveMapsTheApplicationsClassesFromIt() throws Exception {
        assertEquals(0, trainingExit, trainingLog);
        int port = TestServer.freePort();
        Path db = work.resolve("started.db");
        Path classes = work.resolve("classes.log");
        Path log = work.resolve("started.log");
        Process p = TestServer.launch(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load:file=" + classes),
                Map.of("PORT", Integer.toString(port), "DATABASE_PATH", db.toString(), "APP_MODE", "demo"), log, work);
        try {
            assertEquals(200, awaitHealth(port, p, log));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        String out = Files.readString(log);
        assertFalse(out.contains("Unable to use shared archive"), out);
        List<String> loaded = Files.readAllLines(classes);
        long fromArchive = loaded.stream().filter(l -> l.contains("shared objects file (top)")).count();
        long ours = loaded.stream().filter(l -> l.contains("shared objects file (top)")
                && (l.contains(" org.glassfish.jersey.") || l.contains(" org.flywaydb."))).count();
        assertTrue(fromArchive > 2_000, "classes mapped from the archive: " + fromArchive + " of " + loaded.size());
        assertTrue(ours > 300, "the web application's libraries come from the archive too: " + ours);
    }

    @Test
    void theLauncherAndTheConfigurationNameTheIsolationAlike() {
        assertEquals(com.arbdesk.config.ConfigReader.ISOLATED, EmbeddedServer.ISOLATED_CONFIG);
    }

    @Test
    void withoutTheArchiveOptionItSaysHowToRunIt() throws Exception {
        Path log = work.resolve("no-option.log");
        Process p = TestServer.launch(Map.of(), log, work, EmbeddedServer.ClassArchive.COMMAND);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("java -XX:ArchiveClassesAtExit=arbdesk.jsa -jar arbdesk.war cds-archive"), out);
    }

    private static int awaitHealth(int port, Process p, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                Thread.sleep(150);
            }
        }
        throw new AssertionError("no answer on /health:\n" + Files.readString(log));
    }
}
