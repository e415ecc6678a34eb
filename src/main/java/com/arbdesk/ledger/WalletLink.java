package com.arbdesk.ledger;

/**
 * How a wallet is asked to pay on one chain: the payment-request standard and, for a token, its contract
 * (or Solana mint) and EIP-155 chain id. Part of a {@link CoinCatalogue} entry.
 */
public record WalletLink(Standard standard, long chainId, String contract) {

    /** The payment-request standards ArbDesk writes links in. */
    public enum Standard {
        /** No common standard (TRC20, TON jettons, XRP) or no contract known for certain: no link. */
        NONE,
        /** BIP-21 bitcoin: URIs. */
        BIP21,
        /** EIP-681 for ether itself. */
        EIP681_NATIVE,
        /** EIP-681 transfer call on an ERC-20 contract. */
        EIP681_TOKEN,
        /** Solana Pay with an SPL token mint. */
        SOLANA_PAY
    }

    public static final WalletLink NONE = new WalletLink(Standard.NONE, 0, null);
    public static final WalletLink BITCOIN = new WalletLink(Standard.BIP21, 0, null);
    public static final WalletLink ETHER = new WalletLink(Standard.EIP681_NATIVE, 1, null);

    public static WalletLink evmToken(long chainId, String contract) {
        return new WalletLink(Standard.EIP681_TOKEN, chainId, contract);
    }

    public static WalletLink solanaPay(String mint) {
        return new WalletLink(Standard.SOLANA_PAY, 0, mint);
    }
}
