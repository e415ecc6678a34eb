package com.arbdesk.deposit;

import com.arbdesk.ledger.CoinCatalogue.Coin;
import com.arbdesk.ledger.CoinCatalogue;
import com.arbdesk.ledger.WalletLink;
import com.arbdesk.core.Failure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coins and networks a user can deposit, each mapped to the provider's explicit ticker (never
 * left to a provider default: an address on the wrong network loses the funds). Derived from the
 * {@link CoinCatalogue}; this class resolves a user's choice against it.
 */
public record DepositCurrency(String currency, String network, String ticker, String networkName, boolean isDefault) {

    /** The deposit options, one per catalogue entry, in catalogue order. */
    public static final List<DepositCurrency> ALL = CoinCatalogue.ALL.stream()
            .map(c -> new DepositCurrency(c.currency(), c.network(), c.ticker(), c.networkName(), c.isDefault())).toList();

    /** "USDT, BTC, ETH, USDC or XRP": the coins a user may choose, for error messages. */
    private static final String CHOICES = choices(CoinCatalogue.currencies());

    /** The option for a currency and network; the currency's default network when none is given. */
    public static DepositCurrency resolve(String currency, String network) {
        String c = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (ALL.stream().noneMatch(o -> o.currency.equals(c))) {
            throw Failure.invalid("currency", "Choose " + CHOICES);
        }
        if (network == null || network.isBlank()) {
            return ALL.stream().filter(o -> o.currency.equals(c) && o.isDefault).findFirst().orElseThrow();
        }
        String n = network.trim().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(o -> o.currency.equals(c) && o.network.equals(n)).findFirst()
                .orElseThrow(() -> Failure.invalid("network", c + " is not offered on " + n + "; choose one of "
                        + String.join(", ", ALL.stream().filter(o -> o.currency.equals(c)).map(DepositCurrency::network).toList())));
    }

    public static Optional<DepositCurrency> byTicker(String ticker) {
        return ALL.stream().filter(o -> o.ticker.equalsIgnoreCase(ticker == null ? "" : ticker)).findFirst();
    }

    /** This option's catalogue entry. */
    public Coin coin() {
        return CoinCatalogue.byTicker(ticker).orElseThrow();
    }

    /** What the QR code should carry: a wallet URI where the network has a common one, else the bare address. */
    public String walletUri(String address, String amount) {
        return coin().wallet().standard() == WalletLink.Standard.BIP21 ? "bitcoin:" + address + "?amount=" + amount : address;
    }

    private static String choices(List<String> currencies) {
        int last = currencies.size() - 1;
        return last == 0 ? currencies.get(0) : String.join(", ", currencies.subList(0, last)) + " or " + currencies.get(last);
    }
}
