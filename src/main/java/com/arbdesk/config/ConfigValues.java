package com.arbdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How one setting's text becomes a value: numbers in a range, lists, maps, URLs, secrets, the conf file.
 * Each refusal is a {@link ConfigException} that names the setting; {@link AppConfig} composes them.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    static Map<String, String> readProperties(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        p.stringPropertyNames().forEach(k -> out.put(k.trim().toUpperCase(Locale.ROOT), p.getProperty(k)));
        return out;
    }

    static void requirePresent(Map<String, String> v, String key, String what) {
        if (!v.containsKey(key)) {
            throw new ConfigException(key + " is required in production mode (" + what + ")");
        }
    }

    static void requireStrong(Map<String, String> v, String key) {
        requirePresent(v, key, "a random secret of at least " + AppConfig.MIN_SECRET_BYTES + " bytes");
        String s = v.get(key);
        if (s.getBytes(StandardCharsets.UTF_8).length < AppConfig.MIN_SECRET_BYTES || s.chars().distinct().count() < 8) {
            throw new ConfigException(key + " is too weak for production mode: use at least "
                    + AppConfig.MIN_SECRET_BYTES + " random bytes (for example: openssl rand -base64 48)");
        }
    }

    static long parseLong(Map<String, String> v, String key, long fallback, long min, long max) {
        String raw = v.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(raw);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
        }
    }

    /** "binance=https://proxy.example/binance,kraken=..." : where the live source reaches each exchange's API. */
    static Map<String, String> urls(String csv) {
        Map<String, String> out = new HashMap<>();
        if (csv == null) {
            return Map.of();
        }
        for (String entry : csv.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("ARBITRAGE_LIVE_BASE_URLS entries look like binance=https://..., not '" + entry.trim() + "'");
            }
            String url = stripTrailingSlash(entry.substring(eq + 1).trim());
            validateUrl("ARBITRAGE_LIVE_BASE_URLS", url);
            out.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), url);
        }
        return Map.copyOf(out);
    }

    static List<String> list(String csv, boolean upper) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    /** "binance=0.001,kraken=0.0026" as exact decimals. */
    static Map<String, java.math.BigDecimal> decimals(String key, String csv, boolean upperKeys) {
        Map<String, java.math.BigDecimal> out = new HashMap<>();
        if (csv == null) {
            return Map.of();
        }
        for (String entry : csv.split(",")) {
            String[] kv = entry.split("=");
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException();
                }
                String k = kv[0].trim();
                out.put(upperKeys ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT), new java.math.BigDecimal(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " entries look like name=0.001, not '" + entry.trim() + "'");
            }
        }
        return Map.copyOf(out);
    }

    /** Extra browser origins allowed to open /ws (besides APP_BASE_URL's), e.g. "https://desk.example.com". */
    static List<String> origins(String csv) {
        if (csv == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String o : csv.split(",")) {
            String origin = stripTrailingSlash(o.trim());
            if (!origin.isEmpty()) {
                validateUrl("WS_ALLOWED_ORIGINS", origin);
                out.add(origin);
            }
        }
        return List.copyOf(out);
    }

    static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("PORT must be a number from 0 to 65535, not '" + raw + "'");
        }
    }

    static void validateUrl(String key, String url) {
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " must be an http(s) URL, not '" + url + "'");
        }
    }

    /** Short demo secrets are padded deterministically so HS256 still gets a 256-bit key. */
    static String stretch(String secret) {
        StringBuilder sb = new StringBuilder(secret);
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < AppConfig.MIN_SECRET_BYTES) {
            sb.append('#').append(secret);
        }
        return sb.toString();
    }

    static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String stripTrailingSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String firstNonBlank(String... values) {
        for (String s : values) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
