package com.arbdesk.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;

/**
 * Embedded Tomcat serving a WAR at the root context: the {@code java -jar} entry point and the
 * integration tests' server. Settings given as context parameters override the environment.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final Tomcat tomcat;
    private final Path baseDir;
    private final boolean deleteBaseDir;

    private EmbeddedServer(Tomcat tomcat, Path baseDir, boolean deleteBaseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.deleteBaseDir = deleteBaseDir;
    }

    /** Entry point from {@link WarLauncher}: {@code java -jar arbdesk.war [--port N]}. */
    public static void run(String[] args, Path war) throws IOException, LifecycleException {
        Integer port = null;
        boolean sandboxOnly = false;
        boolean classArchive = false;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (i == 0 && "sandbox".equals(args[i])) {
                sandboxOnly = true;
            } else if (i == 0 && ClassArchive.COMMAND.equals(args[i]) && args.length == 1) {
                classArchive = true;
            } else {
                System.err.println("usage: java -jar arbdesk.war [sandbox] [--port N] | backup FILE [--database PATH]"
                        + " | " + ClassArchive.COMMAND + "   (settings: see README.md)");
                System.exit(2);
            }
        }
        if (classArchive) {
            System.exit(ClassArchive.train(war));
        }
        // the launcher needs the port before the application's configuration exists; AppConfig reads the same PORT
        String envPort = System.getenv("PORT");
        int p = port != null ? port : envPort != null && !envPort.isBlank() ? Integer.parseInt(envPort.trim()) : 8080;
        Map<String, String> params = new java.util.HashMap<>();
        if (port != null) {
            params.put("arbdesk.PORT", Integer.toString(port));
        }
        if (sandboxOnly) {
            // the sandbox alone: demo mode, its own throwaway database, nothing but /sandbox served
            params.put("arbdesk.APP_MODE", "demo");
            params.put("arbdesk.SANDBOX_ONLY", "true");
            params.put("arbdesk.DATABASE_PATH", Files.createTempDirectory("arbdesk-sandbox-").resolve("sandbox.db").toString());
            // a DATABASE_URL in the environment names the desk's shared database, never the sandbox's throwaway one
            params.put("arbdesk.DATABASE_URL", "");
            params.put("arbdesk.DATABASE_USER", "");
            params.put("arbdesk.DATABASE_PASSWORD", "");
        }
        BaseDir base = BaseDir.forWar(war, Path.of(System.getProperty("java.io.tmpdir")));
        EmbeddedServer server = start(war, p, params, base.dir(), base.lock() == null);
        // the hook holds the base directory's lock (an unreachable channel would be closed, and its lock released)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            base.release();
        }, "arbdesk-shutdown"));
        server.tomcat.getServer().await();
    }

    /**
     * {@code java -XX:ArchiveClassesAtExit=arbdesk.jsa -jar arbdesk.war cds-archive}: a training start whose JVM writes
     * a dynamic class-data-sharing archive at exit; {@code java -XX:SharedArchiveFile=arbdesk.jsa -jar arbdesk.war}
     * then maps those classes already parsed and verified instead of loading them from the jars, about a third less
     * start-up CPU (issue #13, BENCHMARKS.md). The training start touches nothing of the deployment it runs in: production
     * mode (the classes a real start loads) with throwaway secrets, its own throwaway database and no provider, with no
     * setting read from the environment or the conf file, on a free loopback port. It answers a few pages so their classes are in the archive too, then stops.
     * An archive made by another build of the WAR or another JVM is refused by the JVM with one warning, and the
     * start goes on without it.
     */
    static final class ClassArchive {
        static final String COMMAND = "cds-archive";
        static final String[] PAGES = {"/health", "/login", "/signup"};

        private ClassArchive() {
        }

        static int train(Path war) throws IOException, LifecycleException {
            String archive = archiveOption();
            if (archive.isEmpty()) {
                System.err.println("cds-archive writes the archive only when the JVM is told where:\n"
                        + "  java -XX:ArchiveClassesAtExit=arbdesk.jsa -jar arbdesk.war cds-archive\n"
                        + "then start with: java -XX:SharedArchiveFile=arbdesk.jsa -jar arbdesk.war");
                return 2;
            }
            Path work = Files.createTempDirectory("arbdesk-cds-");
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Map<String, String> params = new java.util.HashMap<>();
            params.put("arbdesk." + ISOLATED_CONFIG, "true");
            // production mode, as the starts that use the archive: random secrets, a provider address where nothing
            // listens (its check fails, once), the simulated market source
            params.put("arbdesk.APP_MODE", "production");
            params.put("arbdesk.JWT_SECRET", randomHex(48));
            params.put("arbdesk.NOWPAYMENTS_IPN_SECRET", randomHex(24));
            params.put("arbdesk.NOWPAYMENTS_API_KEY", "cds-training");
            params.put("arbdesk.NOWPAYMENTS_API_URL", "http://127.0.0.1:" + port + "/cds-training-no-provider/v1");
            params.put("arbdesk.ARBITRAGE_SOURCE", "simulated");
            params.put("arbdesk.PORT", Integer.toString(port));
            params.put("arbdesk.APP_BASE_URL", "http://127.0.0.1:" + port);
            params.put("arbdesk.DATABASE_PATH", work.resolve("training.db").toString());
            BaseDir base = BaseDir.forWar(war, Path.of(System.getProperty("java.io.tmpdir")));
            int failures = 0;
            try (EmbeddedServer server = start(war, port, params, base.dir(), base.lock() == null)) {
                for (String page : PAGES) {
                    failures += get("http://127.0.0.1:" + port + page) == 200 ? 0 : 1;
                }
            } finally {
                base.release();
                deleteTree(work);
            }
            if (failures > 0) {
                System.err.println("ArbDesk: " + failures + " training page(s) did not answer 200; the archive is written anyway");
            }
            System.out.println("ArbDesk: class archive " + archive + " is written as this JVM exits; start with"
                    + " java -XX:SharedArchiveFile=" + archive + " -jar " + war.getFileName());
            return 0;
        }

        private static String randomHex(int bytes) {
            byte[] b = new byte[bytes];
            new java.security.SecureRandom().nextBytes(b);
            return HexFormat.of().formatHex(b);
        }

        /** The value of -XX:ArchiveClassesAtExit, empty when it was not given. */
        static String archiveOption() {
            try {
                return java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("ArchiveClassesAtExit").getValue();
            } catch (IllegalArgumentException e) {
                return ""; // a JVM without the option
            }
        }

        private static int get(String url) throws IOException {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
            c.setInstanceFollowRedirects(false);
            try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        }
    }

    /**
     * The context parameter ({@code arbdesk.ISOLATED_CONFIG=true}) by which the launcher tells the application to read
     * its settings from the context parameters alone: no environment, no conf file (the class-archive training start).
     */
    static final String ISOLATED_CONFIG = "ISOLATED_CONFIG";

    public static EmbeddedServer start(Path war, int port, Map<String, String> contextParams, Path baseDir,
                                       boolean deleteBaseDir) throws IOException, LifecycleException {
        containerLogging();
        webSocketBuffers();
        Files.createDirectories(baseDir.resolve("webapps"));
        // Tomcat's JMX beans: nothing here reads them (metrics come from Micrometer), and building their descriptors
        // was about 0.5 s of every start-up (issue #13). A standalone Tomcat keeps its own setting.
        Registry.disableRegistry();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("maxConnections", "20000");
        compress(tomcat.getConnector());
        tomcat.getHost().setAutoDeploy(false);
        // errors Tomcat raises before the application runs (bad URI, header too large) get our quiet page, not its report
        ((StandardHost) tomcat.getHost()).setErrorReportValveClass(QuietErrorReportValve.class.getName());
        Context ctx = tomcat.addWebapp("", war.toAbsolutePath().toString());
        if (ctx instanceof StandardContext sc) {
            // leak protection for redeploys, which java -jar never does; on Java 17 it needs --add-opens and warns without
            sc.setClearReferencesObjectStreamClassCaches(false);
            sc.setClearReferencesThreadLocals(false);
            sc.setClearReferencesRmiTargets(false);
        }
        ctx.setParentClassLoader(EmbeddedServer.class.getClassLoader());
        contextParams.forEach(ctx::addParameter);
        tomcat.getServer().setParentClassLoader(EmbeddedServer.class.getClassLoader());
        EmbeddedServer server = new EmbeddedServer(tomcat, baseDir, deleteBaseDir);
        tomcat.start();
        if (ctx.getState() != LifecycleState.STARTED) {
            server.close();
            throw new IllegalStateException("the web application did not start; the reason is logged above");
        }
        return server;
    }

    /**
     * gzip for text answers above 1 KiB (pages, CSS, JavaScript, JSON such as the opportunities list), when the
     * client accepts it. Sendfile is off because Tomcat never compresses a file it sends that way (48 KiB and
     * up). A standalone Tomcat takes the same attributes on its Connector in conf/server.xml (README).
     */
    static void compress(org.apache.catalina.connector.Connector connector) {
        connector.setProperty("compression", "on");
        connector.setProperty("compressionMinSize", "1024");
        connector.setProperty("compressibleMimeType", COMPRESSIBLE);
        connector.setProperty("useSendfile", "false");
    }

    /** The system property that sizes Tomcat's per-socket WebSocket frame buffers (read once, when they are first used). */
    static final String WS_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    static final int WS_BUFFER_BYTES = 2048;

    /**
     * Tomcat gives every open WebSocket three buffers of {@value #WS_BUFFER_PROPERTY} bytes, 8 KiB by default: the
     * frames read, the UTF-8 encoding of text sent, and an output buffer; that is 24 KiB of each idle socket's heap.
     * Our server messages are JSON envelopes under 1 KiB and clients send control messages of at most 1,024
     * characters (web.xml's textBufferSize), so 2 KiB holds every frame whole; a longer text is sent as several
     * frames, which every client reassembles. It saves 18 KiB per socket (issue #13). A value given on the command
     * line ({@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=...}) wins; a standalone Tomcat takes the same
     * line in conf/catalina.properties (README).
     */
    static void webSocketBuffers() {
        if (System.getProperty(WS_BUFFER_PROPERTY) == null) {
            System.setProperty(WS_BUFFER_PROPERTY, Integer.toString(WS_BUFFER_BYTES));
        }
    }

    static final String COMPRESSIBLE = "text/html,text/css,text/plain,text/javascript,application/javascript,"
            + "application/json,image/svg+xml";

    /**
     * Tomcat logs through java.util.logging. Until the application installs its bridge to Logback (first thing
     * at its start) and after it is gone, records go to the console one line each, and Tomcat's start-up chatter
     * ("Initializing ProtocolHandler", "Unknown class loader") stays below the WARNING level.
     */
    private static void containerLogging() throws IOException {
        String conf = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter",
                "java.util.logging.SimpleFormatter.format=%1$tF %1$tT.%1$tL %4$-7s %3$s - %5$s%6$s%n",
                ".level=INFO",
                "org.apache.level=WARNING");
        try (InputStream in = new ByteArrayInputStream(conf.getBytes(StandardCharsets.ISO_8859_1))) {
            LogManager.getLogManager().readConfiguration(in);
        }
    }

    /**
     * Tomcat's base directory for {@code java -jar}: kept between starts of the same WAR file, so the WAR is unpacked
     * and its pages compiled once, not on every start. It is named after the WAR's path, size and modification time
     * (a new build gets a new one), lives in the temporary directory with owner-only permissions, and is held by a
     * file lock while the server runs: a second instance of the same WAR, or a directory another user could have
     * written, gets a fresh directory deleted at exit, as before. Directories of older builds are removed when no
     * running instance holds them.
     */
    record BaseDir(Path dir, FileChannel lock) {
        static final String PREFIX = "arbdesk-cache-";

        static BaseDir forWar(Path war, Path tmp) throws IOException {
            try {
                Path dir = tmp.resolve(PREFIX + key(war));
                if (!Files.exists(dir)) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                }
                FileChannel lock = ownedByMeOnly(dir) ? tryLock(dir) : null;
                if (lock != null) {
                    removeOthers(tmp, dir);
                    return new BaseDir(dir, lock);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no POSIX permissions, a race with another start, a read-only temp directory: the fresh directory below
            }
            return new BaseDir(Files.createTempDirectory("arbdesk-tomcat-"), null);
        }

        void release() {
            if (lock != null) {
                try {
                    lock.close();
                } catch (IOException e) {
                    // exiting: the lock goes with the process
                }
            }
        }

        static String key(Path war) throws IOException {
            String identity = war.toAbsolutePath() + "|" + Files.size(war) + "|" + Files.getLastModifiedTime(war).toMillis();
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static boolean ownedByMeOnly(Path dir) throws IOException {
            PosixFileAttributes a = Files.readAttributes(dir,
                    PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() && a.owner().getName().equals(System.getProperty("user.name"))
                    && a.permissions().equals(PosixFilePermissions.fromString("rwx------"));
        }

        /** The directory's lock file, open and locked (closing the channel releases it); null when another holds it. */
        static FileChannel tryLock(Path dir) throws IOException {
            FileChannel channel = FileChannel.open(dir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException e) {
                // this JVM holds it already (a second server in one process): not ours to share
            }
            channel.close();
            return null;
        }

        private static void removeOthers(Path tmp, Path mine) {
            try (Stream<Path> siblings = Files.list(tmp)) {
                siblings.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(mine)).forEach(p -> {
                    try {
                        FileChannel held = ownedByMeOnly(p) ? tryLock(p) : null;
                        if (held != null) {
                            deleteTree(p);
                            held.close();
                        }
                    } catch (IOException e) {
                        // left for the next start
                    }
                });
            } catch (IOException e) {
                // left for the next start
            }
        }
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() {
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("ArbDesk: error while stopping Tomcat: " + e.getMessage());
        }
        if (deleteBaseDir) {
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("ArbDesk: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
