package com.arbdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How the two servers are launched: the app as {@code java -jar arbdesk.war} in production mode, the reference as its main class. */
public final class Targets {
    /** The secrets one invocation uses for every start, so tokens and signatures made once stay valid. */
    public record Secrets(String jwt, String ipn) {
        public static Secrets random() {
            SecureRandom r = new SecureRandom();
            byte[] jwt = new byte[48];
            byte[] ipn = new byte[24];
            r.nextBytes(jwt);
            r.nextBytes(ipn);
            return new Secrets(HexFormat.of().formatHex(jwt), HexFormat.of().formatHex(ipn));
        }
    }

    private final Path war;
    private final Secrets secrets;
    private final String providerUrl;
    private final Path workDir;

    /** The class archive the app starts with (README, "Faster start-up"); null until {@link #trainClassArchive()}. */
    private Path classArchive;

    public Targets(Path war, Secrets secrets, String providerUrl, Path workDir) {
        this.war = war.toAbsolutePath();
        this.secrets = secrets;
        this.providerUrl = providerUrl;
        this.workDir = workDir;
    }

    /**
     * Writes the class archive as the README documents it ({@code cds-archive}, once per WAR) and makes every later
     * app start use it; {@link #appWithoutArchive} still starts without it.
     */
    public void trainClassArchive() throws IOException, InterruptedException {
        Path archive = workDir.resolve("arbdesk.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        Path log = workDir.resolve("cds-archive.log");
        Process p = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=error", "-jar",
                war.toString(), "cds-archive").directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(archive)) {
            p.destroyForcibly();
            throw new IllegalStateException("the class archive was not written; see " + log);
        }
        classArchive = archive;
    }

    /** The app in production mode on loopback against the stub provider, with the abuse limits lifted for the load. */
    public Server app(Path db) throws IOException, InterruptedException {
        return app(db, "app");
    }

    /** {@link #app(Path)} with its log in {@code name}.log. */
    public Server app(Path db, String name) throws IOException, InterruptedException {
        return app(Map.of("DATABASE_PATH", db.toAbsolutePath().toString()), name);
    }

    /**
     * The same app on the database these settings name ({@code DATABASE_PATH}, or {@code DATABASE_URL} and
     * {@code DATABASE_USER} for PostgreSQL); {@code name} names its log file.
     */
    public Server app(Map<String, String> database, String name) throws IOException, InterruptedException {
        return app(database, name, true);
    }

    /** The app as {@link #app(Path)}, started without the class archive: the start-up the archive is compared with. */
    public Server appWithoutArchive(Path db, String name) throws IOException, InterruptedException {
        return app(Map.of("DATABASE_PATH", db.toAbsolutePath().toString()), name, false);
    }

    private Server app(Map<String, String> database, String name, boolean withArchive) throws IOException, InterruptedException {
        int port = Server.freePort();
        Map<String, String> env = new java.util.HashMap<>(database);
        env.putAll(Map.ofEntries(
                Map.entry("APP_MODE", "production"),
                Map.entry("PORT", String.valueOf(port)),
                Map.entry("APP_BASE_URL", "http://127.0.0.1:" + port),
                Map.entry("JWT_SECRET", secrets.jwt()),
                Map.entry("NOWPAYMENTS_API_KEY", "bench-api-key"),
                Map.entry("NOWPAYMENTS_IPN_SECRET", secrets.ipn()),
                Map.entry("NOWPAYMENTS_API_URL", providerUrl),
                Map.entry("NOWPAYMENTS_CREATE_PER_SECOND", "1000"),
                Map.entry("SIGNUPS_PER_ADDRESS_PER_HOUR", "1000000"),
                Map.entry("WS_TOKENS_PER_ADDRESS_PER_MINUTE", "1000000"),
                // the event test reads live_queue_overflows_total from /metrics after its run
                Map.entry("METRICS_ALLOWED_IPS", "127.0.0.1/32")));
        List<String> cmd = new java.util.ArrayList<>(List.of(java()));
        // BENCH_APP_JAVA_OPTS: extra JVM options for the app only (a profiler, say), never for the reference
        String extra = System.getenv("BENCH_APP_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        if (withArchive && classArchive != null) {
            cmd.add("-XX:SharedArchiveFile=" + classArchive);
        }
        cmd.addAll(List.of("-jar", war.toString()));
        return Server.start(name, cmd, env, port, workDir, workDir.resolve(name + ".log"));
    }

    /** The bare reference servlet on the same Tomcat and jars (this JVM's class path). */
    public Server reference(Path db, String name) throws IOException, InterruptedException {
        int port = Server.freePort();
        List<String> cmd = List.of(java(), "-cp", absoluteClassPath(), ReferenceServer.class.getName(),
                "--port=" + port, "--db=" + db.toAbsolutePath(), "--secret=" + secrets.ipn());
        return Server.start(name, cmd, Map.of(), port, workDir, workDir.resolve(name + ".log"));
    }

    /** This JVM's class path with absolute entries: the child runs in the work directory. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }
}
