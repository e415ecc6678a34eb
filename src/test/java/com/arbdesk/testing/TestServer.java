package com.arbdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real ArbDesk WAR (target/arbdesk.war, built by the package phase) started with
 * {@code java -jar} in its own process on a free port, with its own temporary SQLite file, or with
 * {@code -Darbdesk.it.db=postgres} its own fresh PostgreSQL schema ({@link TestDatabase}); a test that sets
 * DATABASE_PATH keeps SQLite, one that sets DATABASE_URL shares that database (several instances).
 * A separate process matters: two copies of SQLite's native library in one JVM break its file
 * locking, so the test's direct database checks must come from another process. Closing it checks
 * the ledger invariants, stops the server (SIGTERM, as an operator would) and deletes its files.
 */
public final class TestServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int FORK_PORTS_FROM = 26_000;
    private static final int FORK_SLOT_WIDTH = 1_000;
    private static final int FORK_SLOTS = 6; // 26000..31999, below the ephemeral range
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(FORK_SLOT_WIDTH));

    private final Process process;
    private final Path dir;
    private final Path database;
    private final Path log;
    private final int port;
    /** The PostgreSQL database, when the server runs on one; null on SQLite. */
    private final String serverUrl;
    /** The schema this server created and drops on close; null when none (SQLite, or a shared URL). */
    private final TestDatabase.Schema ownSchema;

    private TestServer(Process process, Path dir, Path database, Path log, int port, String serverUrl,
                       TestDatabase.Schema ownSchema) {
        this.process = process;
        this.dir = dir;
        this.database = database;
        this.log = log;
        this.port = port;
        this.serverUrl = serverUrl;
        this.ownSchema = ownSchema;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts with these settings (names as in README/.env.example) on top of demo-mode test defaults. */
    public static TestServer start(Map<String, String> settings) {
        return start(settings, new String[0]);
    }

    /** Starts with settings and command-line arguments (for example {@code sandbox}). */
    public static TestServer start(Map<String, String> settings, String... args) {
        try {
            Path dir = Files.createTempDirectory("arbdesk-it-");
            int port = freePort();
            Map<String, String> env = new HashMap<>();
            env.put("APP_MODE", "demo");
            env.put("PORT", Integer.toString(port));
            env.put("DATABASE_PATH", dir.resolve("arbdesk.db").toString());
            env.put("ARBDESK_CONF", dir.resolve("no-conf.properties").toString());
            // the suites sign up and ask for socket tokens many times from 127.0.0.1; SessionRevocationIT sets these low
            env.put("SIGNUPS_PER_ADDRESS_PER_HOUR", "100000");
            env.put("WS_TOKENS_PER_ADDRESS_PER_MINUTE", "100000");
            env.putAll(settings);
            TestDatabase.Schema schema = null;
            if (TestDatabase.postgres() && !settings.containsKey("DATABASE_PATH") && !settings.containsKey("DATABASE_URL")) {
                schema = TestDatabase.createSchema();
                env.putAll(schema.settings());
            }
            port = Integer.parseInt(env.get("PORT")); // a test that must know the URL before start chooses the port
            Path log = dir.resolve("server.log");
            Process p = launch(env, log, dir, args);
            String url = env.get("DATABASE_URL");
            TestServer server = new TestServer(p, dir, Path.of(env.get("DATABASE_PATH")), log, port,
                    url == null || url.isBlank() || Arrays.asList(args).contains("sandbox") ? null : url, schema);
            try {
                server.awaitHealthy();
            } catch (RuntimeException e) {
                if (schema != null) {
                    schema.drop();
                }
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    /** Starts {@code java -jar arbdesk.war} with exactly these settings as its environment (plus PATH/JAVA_HOME). */
    public static Process launch(Map<String, String> env, Path log, Path workDir, String... args) throws IOException {
        return launch(List.of(), env, log, workDir, args);
    }

    /** {@link #launch(Map, Path, Path, String...)} with these JVM options before {@code -jar}. */
    public static Process launch(List<String> jvmOptions, Map<String, String> env, Path log, Path workDir, String... args)
            throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + workDir));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", war().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> penv = pb.environment();
        AppKeys.ALL.forEach(penv::remove); // nothing from the developer's shell leaks into a test server
        penv.putAll(env);
        pb.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    // Tomcat binds the port before the application logs its banner: only with the banner out is the
                    // answer known to be this server's, not that of whoever held the port (another fork, checkout)
                    String text = logText();
                    if (text.contains("java.net.BindException")) {
                        process.destroyForcibly();
                        throw new IllegalStateException("port " + port + " was taken; /health answered from another process:\n"
                                + logTail());
                    }
                    if (text.contains(" is running at ")) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(150);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not healthy within " + START_TIMEOUT + ":\n" + logTail());
    }

    public static Path war() {
        Path war = Path.of(System.getProperty("arbdesk.war", "target/arbdesk.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: integration tests run after the package phase (./mvnw verify)");
        }
        return war;
    }

    /**
     * A port nothing listens on now. Failsafe runs the integration tests in parallel forks (pom: arbdesk.it.forks), each
     * starting servers: a fork takes ports from its own slot below the kernel's ephemeral range (32768 and up, where
     * port 0 binds and outgoing connections land), so two forks never pick the same port between this check and the
     * server's bind. Outside failsafe (no fork number), the kernel picks.
     */
    public static int freePort() throws IOException {
        String fork = System.getProperty("arbdesk.it.fork", "");
        if (!fork.matches("[0-9]+")) {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
        int base = FORK_PORTS_FROM + (Integer.parseInt(fork) - 1) % FORK_SLOTS * FORK_SLOT_WIDTH;
        for (int i = 0; i < FORK_SLOT_WIDTH; i++) {
            int candidate = base + Math.floorMod(NEXT_PORT.getAndIncrement(), FORK_SLOT_WIDTH); // round the slot: no quick reuse
            try (ServerSocket s = new ServerSocket(candidate)) {
                return s.getLocalPort();
            } catch (IOException e) {
                // in use (another program's fixed port): the next one
            }
        }
        throw new IOException("no free port in " + base + ".." + (base + FORK_SLOT_WIDTH - 1));
    }

    /** The server process's id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public Path databasePath() {
        return database;
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, connections just drop), as a crashed machine would. */
    public void crash() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's console output so far (start-up banner, warnings, errors). */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail() {
        String text = logText();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    /** A new HTTP client with its own cookie jar (one browser, in effect). */
    public TestClient client() {
        return new TestClient(baseUrl());
    }

    public LedgerInvariants ledger() {
        return serverUrl != null ? new LedgerInvariants(serverUrl) : new LedgerInvariants(database);
    }

    /** The PostgreSQL URL the server runs on (a second instance started with it shares the database), if any. */
    public java.util.Optional<String> serverDatabaseUrl() {
        return java.util.Optional.ofNullable(serverUrl);
    }

    @Override
    public void close() {
        try {
            if (serverUrl != null || Files.exists(database)) { // the sandbox-alone mode keeps its own throwaway database
                ledger().assertHold();
            }
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteTree(dir);
            if (ownSchema != null) {
                ownSchema.drop();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
