package com.arbdesk.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a payer's transaction can be looked up: a public block explorer per network, keyed by the
 * provider's ticker (usdttrc20, btc, ...). Only hashes made of letters, digits, '-' and '_' become
 * links, so a provider answer can never smuggle a different URL in.
 */
public final class BlockExplorer {
    private static final Pattern HASH = Pattern.compile("(0x)?[A-Za-z0-9_-]{16,128}");
    private static final String ETHERSCAN = "https://etherscan.io/tx/";
    private static final String BSCSCAN = "https://bscscan.com/tx/";
    private static final String POLYGONSCAN = "https://polygonscan.com/tx/";
    private static final String SOLSCAN = "https://solscan.io/tx/";
    private static final Map<String, String> TX = Map.ofEntries(
            Map.entry("usdttrc20", "https://tronscan.org/#/transaction/"),
            Map.entry("usdterc20", ETHERSCAN), Map.entry("eth", ETHERSCAN), Map.entry("usdc", ETHERSCAN),
            Map.entry("usdtbsc", BSCSCAN), Map.entry("usdcbsc", BSCSCAN),
            Map.entry("usdtmatic", POLYGONSCAN), Map.entry("usdcmatic", POLYGONSCAN),
            Map.entry("usdtsol", SOLSCAN), Map.entry("usdcsol", SOLSCAN),
            Map.entry("usdtton", "https://tonviewer.com/transaction/"),
            Map.entry("btc", "https://mempool.space/tx/"),
            Map.entry("xrp", "https://xrpscan.com/tx/"));

    private BlockExplorer() {
    }

    /** The explorer page of {@code hash} on the network of {@code ticker}; empty for an unknown network or a malformed hash. */
    public static Optional<String> txUrl(String ticker, String hash) {
        if (ticker == null || hash == null || !HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(TX.get(ticker.toLowerCase(java.util.Locale.ROOT))).map(base -> base + hash);
    }

    /** "3f9a…c21e": enough of a hash to recognise it. */
    public static String shortHash(String hash) {
        return hash == null || hash.length() <= 14 ? hash : hash.substring(0, 6) + "…" + hash.substring(hash.length() - 6);
    }
}
