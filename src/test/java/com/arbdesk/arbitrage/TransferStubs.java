package com.arbdesk.arbitrage;

import java.util.Map;

/**
 * Loopback Binance and KuCoin for the transferability tests: one BTC/USDT book each (Binance's bid above KuCoin's
 * ask, so both directions are listed) and KuCoin's public currency answer with BTC withdrawals closed.
 */
public final class TransferStubs {
    static final String BINANCE_BOOK = "{\"lastUpdateId\":1,\"bids\":[[\"64100.00\",\"0.5\"]],\"asks\":[[\"64101.00\",\"0.3\"]]}";
    static final String KUCOIN_BTC = """
            {"code":"200000","data":{"currency":"BTC","name":"BTC","fullName":"Bitcoin","precision":8,"confirms":null,
             "contractAddress":null,"isMarginEnabled":true,"isDebitEnabled":true,"chains":[
              {"chainName":"BTC","chain":"btc","withdrawalMinSize":"0.001","withdrawalMinFee":"0.0005","isWithdrawEnabled":false,
               "isDepositEnabled":true,"confirms":3,"contractAddress":""}]}}
            """;
    static final String KUCOIN_BOOK = """
            {"code":"200000","data":{"sequence":"1","time":1700000000000,
             "bids":[["63990.0","0.5"]],"asks":[["64000.0","0.4"]]}}
            """;

    private TransferStubs() {
    }

    /** Points the stubs' answers at their paths and returns the server settings for the live source on them. */
    public static Map<String, String> liveOn(StubExchangeServer binance, StubExchangeServer kucoin) {
        binance.answer(200, BINANCE_BOOK);
        kucoin.answer("/api/v2/currencies/BTC", KUCOIN_BTC);
        kucoin.answer("/api/v1/market/orderbook", KUCOIN_BOOK);
        kucoin.answer(404, "{\"code\":\"400100\",\"msg\":\"not stubbed\"}");
        return Map.of("APP_MODE", "demo", "ARBITRAGE_SOURCE", "live", "ARBITRAGE_EXCHANGES", "binance,kucoin",
                "ARBITRAGE_PAIRS", "BTC/USDT", "ARBITRAGE_POLL_SECONDS", "1",
                "ARBITRAGE_LIVE_BASE_URLS", "binance=" + binance.baseUri() + ",kucoin=" + kucoin.baseUri());
    }
}
