package com.arbdesk.core;

/** An asset ArbDesk accounts in, with the fixed number of decimal places its amounts carry. */
public enum Asset {
    USD(2), USDT(6), USDC(6), BTC(8), ETH(18);

    private final int scale;

    Asset(int scale) {
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }
}
