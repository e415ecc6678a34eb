package com.arbdesk.web;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint of the static assets: a hash of every file under /assets, computed once at start-up and
 * stored as the {@code assetVersion} context attribute. Pages link {@code /assets/...?v=<it>}; a URL carrying
 * the current fingerprint can be cached for a year as immutable, because any change to any asset changes it.
 */
public final class AssetVersion {
    public static final String ATTRIBUTE = "assetVersion";
    public static final String PARAMETER = "v";
    /** Context attribute: asset path (e.g. {@code css/app.css}) to its fingerprinted URL, HTML-escaped. */
    public static final String URLS_ATTRIBUTE = "asset";
    /** Context attribute: the context path, HTML-escaped, for links in pages. */
    public static final String BASE_ATTRIBUTE = "htmlBase";

    private AssetVersion() {
    }

    /** The fingerprint for this context, computed on first use. */
    public static String of(ServletContext ctx) {
        Object known = ctx.getAttribute(ATTRIBUTE);
        if (known instanceof String s) {
            return s;
        }
        String v = compute(ctx);
        ctx.setAttribute(ATTRIBUTE, v);
        String base = escape(ctx.getContextPath());
        ctx.setAttribute(BASE_ATTRIBUTE, base);
        ctx.setAttribute(URLS_ATTRIBUTE, new Urls(base, v));
        return v;
    }

    /**
     * {@code ${asset['css/app.css']}} in a page: one map lookup where the layout spent two tags and two EL evaluations
     * per link (a dashboard links 14 assets), each URL built once.
     */
    static final class Urls extends AbstractMap<String, String> {
        private final String base;
        private final String version;
        private final ConcurrentHashMap<String, String> built = new ConcurrentHashMap<>();

        Urls(String base, String version) {
            this.base = base;
            this.version = version;
        }

        @Override
        public String get(Object path) {
            return path instanceof String p ? built.computeIfAbsent(p, k -> base + "/assets/" + escape(k) + "?" + PARAMETER + "=" + version) : null;
        }

        @Override
        public boolean containsKey(Object path) {
            return path instanceof String;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Collections.unmodifiableMap(built).entrySet();
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#034;");
                case '\'' -> out.append("&#039;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String compute(ServletContext ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Set<String> files = new TreeSet<>();
            collect(ctx, "/assets/", files);
            byte[] buffer = new byte[8192];
            for (String path : files) {
                sha.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = ctx.getResourceAsStream(path)) {
                    if (in != null) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha.update(buffer, 0, n);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the static assets", e);
        }
    }

    private static void collect(ServletContext ctx, String dir, Set<String> into) {
        Set<String> entries = ctx.getResourcePaths(dir);
        if (entries == null) {
            return;
        }
        for (String p : entries) {
            if (p.endsWith("/")) {
                collect(ctx, p, into);
            } else {
                into.add(p);
            }
        }
    }
}
