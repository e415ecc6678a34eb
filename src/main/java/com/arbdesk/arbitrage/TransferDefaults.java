package com.arbdesk.arbitrage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The maintained default transfer table (src/main/resources/arbitrage/transfer-defaults.csv, its date and
 * sources in its header comment): what the offline mode uses, and what the live source falls back to for
 * every exchange that does not publish its deposit and withdrawal status without keys.
 */
public final class TransferDefaults {
    static final String RESOURCE = "/arbitrage/transfer-defaults.csv";
    private static final String HEADER = "exchange,asset,network,deposit_open,withdrawal_open,withdrawal_fee,min_withdrawal";

    private TransferDefaults() {
    }

    /** The bundled table. */
    public static List<TransferStatus> load() {
        try (InputStream in = TransferDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's lines: '#' comments, one header, then one row per exchange, asset and network. */
    static List<TransferStatus> parse(List<String> lines) {
        List<TransferStatus> rows = new ArrayList<>();
        boolean header = false;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!l.equals(HEADER)) {
                    throw new IllegalArgumentException("transfer table header must be " + HEADER + ", not " + l);
                }
                header = true;
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("transfer table row needs 7 fields: " + l);
            }
            rows.add(new TransferStatus(f[0], f[1], f[2], yes(f[3], l), yes(f[4], l), decimal(f[5]), decimal(f[6]),
                    TransferStatus.Origin.DEFAULT_TABLE));
        }
        return rows;
    }

    private static boolean yes(String v, String line) {
        return switch (v.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("open flags are yes or no: " + line);
        };
    }

    private static BigDecimal decimal(String v) {
        return v.isBlank() ? null : new BigDecimal(v.strip());
    }
}
