package com.arbdesk.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Main-Class of the executable WAR, plain JDK only: extracts the embedded Tomcat jars kept in
 * WEB-INF/lib-embedded (where a standalone Tomcat never looks), puts them and this WAR's root on
 * a class loader, and hands over to {@code EmbeddedServer}.
 */
public final class WarLauncher {
    private static final String EMBEDDED = "WEB-INF/lib-embedded/";
    private static final String SQLITE_JAR = "WEB-INF/lib/sqlite-jdbc-";

    private WarLauncher() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException, ReflectiveOperationException {
        Path war = Path.of(WarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path libs = Files.createTempDirectory("arbdesk-boot-");
        libs.toFile().deleteOnExit();
        if (args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]))) {
            databaseTool(args, war, libs, "backup".equals(args[0]) ? "DatabaseBackup" : "DatabaseRestore");
            return;
        }
        List<URL> urls = new ArrayList<>();
        urls.add(war.toUri().toURL());
        urls.addAll(extract(war, libs, EMBEDDED));
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass("com.arbdesk.boot.EmbeddedServer").getMethod("run", String[].class, Path.class)
                    .invoke(null, args, war);
        } catch (InvocationTargetException e) {
            System.err.println("ArbDesk failed to start: " + e.getCause());
            System.exit(1);
        }
    }

    /**
     * {@code backup FILE} and {@code restore FILE}: run {@code DatabaseBackup} or {@code DatabaseRestore} from
     * WEB-INF/classes with the SQLite driver from WEB-INF/lib (no Tomcat needed), the same driver the app uses.
     */
    private static void databaseTool(String[] args, Path war, Path libs, String tool) throws IOException, ReflectiveOperationException {
        List<URL> urls = new ArrayList<>();
        urls.add(new URL("jar:" + war.toUri() + "!/WEB-INF/classes/"));
        urls.addAll(extract(war, libs, SQLITE_JAR));
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass("com.arbdesk.boot." + tool).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            System.err.println("ArbDesk " + args[0] + " failed: " + e.getCause());
            System.exit(1);
        }
    }

    /** Copies the WAR's jars whose names start with {@code prefix} to {@code dir}, deleted at exit. */
    private static List<URL> extract(Path war, Path dir, String prefix) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (JarFile jar = new JarFile(war.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(prefix) && e.getName().endsWith(".jar")) {
                    Path target = dir.resolve(e.getName().substring(e.getName().lastIndexOf('/') + 1));
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().deleteOnExit();
                    urls.add(target.toUri().toURL());
                }
            }
        }
        return urls;
    }
}
