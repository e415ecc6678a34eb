package com.arbdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every figure measured, by DB size, side (reference or app) and metric, one value per run; plus failed scenarios. */
public final class Results {
    public enum Side { REFERENCE, APP }

    private final Map<String, List<Double>> values = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, List<String>> checks = new TreeMap<>();

    public synchronized void add(int size, Side side, String metric, double value) {
        if (!Double.isNaN(value)) {
            values.computeIfAbsent(key(size, side, metric), k -> new ArrayList<>()).add(value);
        }
    }

    public synchronized List<Double> get(int size, Side side, String metric) {
        return List.copyOf(values.getOrDefault(key(size, side, metric), List.of()));
    }

    public synchronized void failed(String what) {
        failures.add(what);
    }

    /** The lines of the last transfer check at this size (later runs replace earlier ones). */
    public synchronized void checks(int size, List<String> lines) {
        checks.put(size, List.copyOf(lines));
    }

    public synchronized List<String> checks(int size) {
        return checks.getOrDefault(size, List.of());
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private static String key(int size, Side side, String metric) {
        return size + "/" + side + "/" + metric;
    }
}
