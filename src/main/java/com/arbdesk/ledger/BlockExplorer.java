package com.arbdesk.ledger;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a payer's transaction can be looked up: the public block explorer of the network, from the
 * {@link CoinCatalogue} entry of the provider's ticker (usdttrc20, btc, ...). Only hashes made of
 * letters, digits, '-' and '_' become links, so a provider answer can never smuggle a different URL in.
 */
public final class BlockExplorer {
    private static final Pattern HASH = Pattern.compile("(0x)?[A-Za-z0-9_-]{16,128}");

    private BlockExplorer() {
    }

    /** The explorer page of {@code hash} on the network of {@code ticker}; empty for an unknown network or a malformed hash. */
    public static Optional<String> txUrl(String ticker, String hash) {
        if (ticker == null || hash == null || !HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        return CoinCatalogue.byTicker(ticker).map(c -> c.explorerTx() + hash);
    }

    /** "3f9a…c21e": enough of a hash to recognise it. */
    public static String shortHash(String hash) {
        return hash == null || hash.length() <= 14 ? hash : hash.substring(0, 6) + "…" + hash.substring(hash.length() - 6);
    }
}
