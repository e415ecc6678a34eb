package com.arbdesk.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses the duration-shaped settings: "90s", "5m", "1h", "2d", a ladder like "1m,2m,1h*24,6h", and rates like "2.5". */
final class Durations {
    private static final int MAX_REPEAT = 1000;

    private Durations() {
    }

    /** "1m,2m,1h*3,6h" is 1m, 2m, 1h, 1h, 1h, 6h; each step at least a second, at most 30 days. */
    static List<Duration> ladder(String key, String raw) {
        List<Duration> out = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String p = part.trim();
            int star = p.indexOf('*');
            int times = 1;
            if (star > 0) {
                times = repeat(key, p.substring(star + 1).trim(), raw);
                p = p.substring(0, star).trim();
            }
            Duration d = one(key, p, raw);
            for (int i = 0; i < times; i++) {
                out.add(d);
            }
        }
        if (out.isEmpty() || out.size() > MAX_REPEAT) {
            throw new ConfigException(key + " needs 1 to " + MAX_REPEAT + " steps, like " + AppConfig.DEFAULT_BACKOFF);
        }
        return List.copyOf(out);
    }

    /** A positive number of requests per second, at most 1000 (fractions allowed: "0.5" is one every 2 s). */
    static BigDecimal rate(String key, String raw) {
        try {
            BigDecimal r = new BigDecimal(raw.trim());
            if (r.signum() <= 0 || r.compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number of requests per second above 0 and at most 1000, not '" + raw + "'");
        }
    }

    private static Duration one(String key, String p, String raw) {
        if (!p.matches("\\d{1,6}[smhd]")) {
            throw new ConfigException(key + " steps look like 30s, 5m, 1h or 2d (optionally *count), not '" + raw + "'");
        }
        long n = Long.parseLong(p.substring(0, p.length() - 1));
        Duration d = switch (p.charAt(p.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new ConfigException(key + " steps must be from 1s to 30d, not '" + p + "'");
        }
        return d;
    }

    private static int repeat(String key, String count, String raw) {
        if (!count.matches("\\d{1,4}") || Integer.parseInt(count) < 1 || Integer.parseInt(count) > MAX_REPEAT) {
            throw new ConfigException(key + " repeats look like 1h*24, not '" + raw + "'");
        }
        return Integer.parseInt(count);
    }
}
