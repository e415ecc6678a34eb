package com.arbdesk.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The suite's parameters: system properties {@code bench.<name>}, overridden by {@code --name=value} arguments. */
public record BenchConfig(int durationSeconds, int connections, int runs, int sockets, List<Integer> sizes,
                          int warmupSeconds, int wsRate, int idleUsers, int heavyDeposits, int poolPerSecond, Path war, Path output,
                          boolean quick, String command, boolean postgres, boolean sqlite, int pgRate, java.util.Set<String> parts) {

    /** The scenario groups {@code --parts} chooses from (all by default). */
    public static final List<String> PARTS = List.of("pages", "create", "ipn", "sockets");

    /** True when {@code --parts} includes the group (a partial run, for measuring one change quickly). */
    public boolean runs(String part) {
        return parts.contains(part);
    }

    /** Reads the parameters ({@code --postgres} is {@code --postgres=true}); {@code --quick} lowers the defaults to a smoke run (explicit values still win). */
    public static BenchConfig parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String name : List.of("duration", "warmup", "connections", "runs", "sockets", "sizes", "wsRate", "idleUsers",
                "heavyDeposits", "poolPerSecond", "war", "output", "postgres", "only", "pgRate", "parts")) {
            String v = System.getProperty("bench." + name);
            if (v != null && !v.isBlank()) {
                given.put(name, v.strip());
            }
        }
        boolean quick = Boolean.getBoolean("bench.quick");
        for (String a : args) {
            if (a.isBlank()) {
                continue;
            }
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--postgres")) {
                given.put("postgres", "true");
            } else if (a.startsWith("--") && a.contains("=")) {
                given.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + a + " (use --name=value, --quick or --postgres)");
            }
        }
        if (given.containsKey("only") && !"postgres".equals(given.get("only"))) {
            throw new IllegalArgumentException("--only takes postgres, not " + given.get("only"));
        }
        java.util.Set<String> parts = new java.util.LinkedHashSet<>(
                Arrays.stream(given.getOrDefault("parts", String.join(",", PARTS)).split(",")).map(String::strip).toList());
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("--parts takes a comma list of " + PARTS + ", not " + given.get("parts"));
        }
        String command = String.join(" ", Arrays.stream(args).filter(a -> !a.startsWith("--war=")).toList());
        return new BenchConfig(
                integer(given, "duration", quick ? 2 : 15),
                integer(given, "connections", 32),
                integer(given, "runs", 3),
                integer(given, "sockets", quick ? 50 : 5000),
                Arrays.stream(given.getOrDefault("sizes", quick ? "1000" : "1000,20000,100000").split(","))
                        .map(String::strip).map(Integer::parseInt).toList(),
                integer(given, "warmup", quick ? 1 : 3),
                integer(given, "wsRate", quick ? 100 : 500),
                integer(given, "idleUsers", quick ? 3 : 20),
                integer(given, "heavyDeposits", 10_000),
                integer(given, "poolPerSecond", quick ? 5_000 : 15_000),
                Path.of(given.getOrDefault("war", "target/arbdesk.war")),
                Path.of(given.getOrDefault("output", "BENCHMARKS.md")),
                quick, command,
                // --only=postgres: the PostgreSQL section alone (it brings its own SQLite comparison)
                Boolean.parseBoolean(given.getOrDefault("postgres", "false")) || "postgres".equals(given.get("only")),
                !"postgres".equals(given.get("only")),
                integer(given, "pgRate", 100), java.util.Set.copyOf(parts));
    }

    /** How many pending deposits one IPN run may consume: enough for {@code poolPerSecond} over warm-up and duration. */
    public int poolSize() {
        return poolPerSecond * (warmupSeconds + durationSeconds);
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String v = given.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }
}
