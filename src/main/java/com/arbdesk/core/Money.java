package com.arbdesk.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one asset at that asset's fixed scale. Never built from a double; the
 * ledger stores it as integer minor units and JSON carries it as a plain decimal string.
 */
public record Money(Asset asset, BigDecimal amount) implements Comparable<Money> {
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{1,15}(\\.\\d+)?$");

    public Money {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        // exact: a value with more places than the asset has is a caller bug, not something to round silently
        amount = amount.setScale(asset.scale(), RoundingMode.UNNECESSARY);
    }

    public static Money zero(Asset asset) {
        return new Money(asset, BigDecimal.ZERO);
    }

    public static Money usd(String text) {
        return parse(Asset.USD, text);
    }

    public static Money ofMinor(Asset asset, long minor) {
        return new Money(asset, BigDecimal.valueOf(minor, asset.scale()));
    }

    /**
     * Parses a plain decimal ("50", "50.5", "-0.01"; spaces around it are ignored); more places than the asset
     * allows is an error, and so is any control character ("50\u0000" is not 50).
     */
    public static Money parse(Asset asset, String text) {
        if (text == null || text.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f) || !DECIMAL.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("not a plain decimal amount: " + text);
        }
        BigDecimal value = new BigDecimal(text.trim());
        if (value.stripTrailingZeros().scale() > asset.scale()) {
            throw new IllegalArgumentException("at most " + asset.scale() + " decimal places for " + asset);
        }
        return new Money(asset, value);
    }

    /** Rounds down (toward zero) to the asset's scale: used where a computed value must never over-credit. */
    public static Money floor(Asset asset, BigDecimal value) {
        return new Money(asset, value.setScale(asset.scale(), RoundingMode.DOWN));
    }

    public long toMinor() {
        return amount.movePointRight(asset.scale()).longValueExact();
    }

    public Money plus(Money other) {
        requireSameAsset(other);
        return new Money(asset, amount.add(other.amount));
    }

    public Money minus(Money other) {
        requireSameAsset(other);
        return new Money(asset, amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(asset, amount.negate());
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Exact decimal text for JSON, e.g. "1234.50". */
    public String toPlainString() {
        return amount.toPlainString();
    }

    /** Human form for pages: "$1,234.50", "-$3.00", or "0.00150000 BTC". */
    public String display() {
        // by hand, not DecimalFormat: a page shows a dozen amounts, and building a DecimalFormat for each was measured
        // at 3 % of a dashboard's server time
        String plain = amount.abs().setScale(asset.scale(), RoundingMode.UNNECESSARY).toPlainString();
        int dot = plain.indexOf('.');
        int whole = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + whole / 3 + 8);
        if (amount.signum() < 0) {
            out.append('-');
        }
        if (asset == Asset.USD) {
            out.append('$');
        }
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        out.append(plain, whole, plain.length());
        if (asset != Asset.USD) {
            out.append(' ').append(asset.name());
        }
        return out.toString();
    }

    @Override
    public int compareTo(Money o) {
        requireSameAsset(o);
        return amount.compareTo(o.amount);
    }

    private void requireSameAsset(Money other) {
        if (other.asset != asset) {
            throw new IllegalArgumentException("cannot mix " + asset + " and " + other.asset);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + asset;
    }
}
