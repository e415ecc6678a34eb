package com.arbdesk.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A coin the built-in sandbox accepts: its provider ticker, network, a fixed USD rate (so amounts
 * are deterministic), precision, minimum in USD and the address format of its network.
 */
public record SandboxCoin(String ticker, String name, String network, BigDecimal usdRate, int precision,
                          BigDecimal minUsd, Style style) {
    /** How deposit addresses of the network look. */
    public enum Style { TRON, EVM, BITCOIN, SOLANA, TON, XRP }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static final List<SandboxCoin> ALL = List.of(
            stable("usdttrc20", "Tether USD (Tron)", "trx", "10", Style.TRON),
            stable("usdterc20", "Tether USD (Ethereum)", "eth", "15", Style.EVM),
            stable("usdtbsc", "Tether USD (BSC)", "bsc", "10", Style.EVM),
            stable("usdtmatic", "Tether USD (Polygon)", "matic", "10", Style.EVM),
            stable("usdtsol", "Tether USD (Solana)", "sol", "10", Style.SOLANA),
            stable("usdtton", "Tether USD (TON)", "ton", "10", Style.TON),
            stable("usdc", "USD Coin (Ethereum)", "eth", "15", Style.EVM),
            stable("usdcmatic", "USD Coin (Polygon)", "matic", "10", Style.EVM),
            stable("usdcsol", "USD Coin (Solana)", "sol", "10", Style.SOLANA),
            stable("usdcbsc", "USD Coin (BSC)", "bsc", "10", Style.EVM),
            new SandboxCoin("btc", "Bitcoin", "btc", new BigDecimal("65000"), 8, new BigDecimal("12"), Style.BITCOIN),
            new SandboxCoin("eth", "Ethereum", "eth", new BigDecimal("3200"), 8, new BigDecimal("12"), Style.EVM),
            new SandboxCoin("trx", "TRON", "trx", new BigDecimal("0.25"), 6, new BigDecimal("5"), Style.TRON),
            new SandboxCoin("xrp", "XRP", "xrp", new BigDecimal("0.5"), 6, new BigDecimal("5"), Style.XRP));

    private static SandboxCoin stable(String ticker, String name, String network, String minUsd, Style style) {
        return new SandboxCoin(ticker, name, network, BigDecimal.ONE, 6, new BigDecimal(minUsd), style);
    }

    public static Optional<SandboxCoin> find(String ticker) {
        return ticker == null ? Optional.empty()
                : ALL.stream().filter(c -> c.ticker.equalsIgnoreCase(ticker.trim())).findFirst();
    }

    /** Coin amount for a USD price, rounded up so the payer never sends less than the price. */
    public BigDecimal fromUsd(BigDecimal usd) {
        return usd.divide(usdRate, precision, RoundingMode.UP).stripTrailingZeros();
    }

    public BigDecimal toUsd(BigDecimal amount) {
        return amount.multiply(usdRate).setScale(8, RoundingMode.DOWN).stripTrailingZeros();
    }

    public BigDecimal minAmount() {
        return fromUsd(minUsd);
    }

    /** A memo coin: the provider returns a payin_extra_id (destination tag) the payer must include. */
    public boolean memo() {
        return style == Style.XRP;
    }

    /** A destination tag for a memo coin, null for others. */
    public String newMemo() {
        return memo() ? Integer.toString(100_000_000 + RANDOM.nextInt(900_000_000)) : null;
    }

    /** A plausible, random transaction hash on this coin's network. */
    public String newTxHash() {
        return switch (style) {
            case EVM -> "0x" + random("0123456789abcdef", 64);
            case SOLANA -> random(BASE58, 88);
            case XRP -> random("0123456789ABCDEF", 64);
            default -> random("0123456789abcdef", 64);
        };
    }

    /** A plausible, random deposit address for this coin's network. */
    public String newAddress() {
        return switch (style) {
            case TRON -> "T" + random(BASE58, 33);
            case EVM -> "0x" + random("0123456789abcdef", 40);
            case BITCOIN -> "bc1q" + random(BECH32, 38);
            case SOLANA -> random(BASE58, 44);
            case TON -> "UQ" + random(B64URL, 46);
            case XRP -> "r" + random(BASE58, 33);
        };
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The coin for a ticker, or the provider's answer for a coin it does not offer. */
    static SandboxCoin require(String ticker) {
        if (ticker == null || ticker.isBlank()) {
            throw SandboxError.invalid("pay_currency is required");
        }
        return SandboxCoin.find(ticker).orElseThrow(() ->
                new SandboxError(500, "INTERNAL_ERROR", "This currency is currently unavailable. Try it in 2 hours"));
    }

    /** Sandbox prices are in USD or in one of its coins. */
    static BigDecimal usdValue(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() <= 0) {
            throw SandboxError.invalid("price_amount must be a positive number");
        }
        if (currency == null || currency.isBlank()) {
            throw SandboxError.invalid("price_currency is required");
        }
        if (currency.equalsIgnoreCase("usd")) {
            return amount;
        }
        return SandboxCoin.find(currency).map(c -> c.toUsd(amount))
                .orElseThrow(() -> SandboxError.invalid("price_currency " + currency + " is not supported"));
    }
}
