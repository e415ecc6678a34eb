package com.arbdesk.core.db;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the DAOs store as text ({@code Instant.toString()}: {@code 2026-12-01T10:00:00Z}, with 0, 3, 6
 * or 9 fraction digits). Why not {@code Instant.parse}: it runs the general ISO formatter, which a profile of the
 * dashboard put at 7 % of the page's time for the few dozen timestamps a page reads. Anything not in exactly that
 * shape goes to {@code Instant.parse}, so no stored value reads differently.
 */
public final class StoredInstants {
    private StoredInstants() {
    }

    public static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // the digits between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Instant.parse(s);
            }
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || nanos < 0
                || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Instant.parse(s); // not a plain value (or not valid): the general parser decides, and says why
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal digits s[from, to) as a number, or -1 when any is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
