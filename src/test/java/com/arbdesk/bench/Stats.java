package com.arbdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Min, median and max of a few runs. */
public record Stats(double min, double median, double max, int n) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return new Stats(v.get(0), median, v.get(n - 1), n);
    }

    /** {@code min / median / max} with a format such as {@code %,.0f}. */
    public String format(String number) {
        if (n == 0) {
            return "—";
        }
        return String.format(number, min) + " / " + String.format(number, median) + " / " + String.format(number, max);
    }
}
