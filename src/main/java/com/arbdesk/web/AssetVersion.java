package com.arbdesk.web;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fingerprint of the static assets: a hash of every file under /assets, computed once at start-up and
 * stored as the {@code assetVersion} context attribute. Pages link {@code /assets/...?v=<it>}; a URL carrying
 * the current fingerprint can be cached for a year as immutable, because any change to any asset changes it.
 */
public final class AssetVersion {
    public static final String ATTRIBUTE = "assetVersion";
    public static final String PARAMETER = "v";

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
        return v;
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
