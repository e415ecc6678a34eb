package com.arbdesk.deposit;

import com.arbdesk.ledger.CoinCatalogue.Coin;
import com.arbdesk.ledger.CoinCatalogue;
import com.arbdesk.ledger.WalletLink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * "Open in wallet" links in each chain's own payment-request standard: BIP-21 for bitcoin, EIP-681 for
 * ether and ERC-20 tokens (with the chain id off Ethereum), Solana Pay for SPL tokens. A token is named by
 * its contract; the standard, contract and decimals of each coin come from the {@link CoinCatalogue}, and a
 * coin without a standard (TRC20, TON jettons) or without a contract known for certain gets no link.
 */
public final class WalletUris {

    private WalletUris() {
    }

    /** The payment URI for sending exactly {@code amount} of the ticker's coin to {@code address}, where one exists. */
    public static Optional<String> of(String ticker, String address, String amount) {
        if (address == null || address.isBlank() || amount == null || !amount.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return CoinCatalogue.byTicker(ticker).flatMap(c -> link(c, address, new BigDecimal(amount)));
    }

    private static Optional<String> link(Coin coin, String address, BigDecimal value) {
        WalletLink w = coin.wallet();
        return switch (w.standard()) {
            case NONE -> Optional.empty();
            case BIP21 -> Optional.of("bitcoin:" + address + "?amount=" + value.stripTrailingZeros().toPlainString());
            case EIP681_NATIVE -> Optional.of("ethereum:" + address + "?value=" + smallest(value, coin.decimals()));
            // Solana Pay: the amount in the token's own units, the mint names the token
            case SOLANA_PAY -> Optional.of("solana:" + address + "?amount=" + value.stripTrailingZeros().toPlainString()
                    + "&spl-token=" + w.contract());
            case EIP681_TOKEN -> Optional.of("ethereum:" + w.contract() + (w.chainId() == 1 ? "" : "@" + w.chainId())
                    + "/transfer?address=" + address + "&uint256=" + smallest(value, coin.decimals()));
        };
    }

    /** The amount in the coin's smallest unit, rounded up so a wallet never sends less than asked. */
    private static String smallest(BigDecimal value, int decimals) {
        return value.movePointRight(decimals).setScale(0, RoundingMode.UP).toPlainString();
    }
}
