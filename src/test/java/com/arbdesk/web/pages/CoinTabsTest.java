package com.arbdesk.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.ledger.CoinCatalogue;
import com.arbdesk.web.pages.DashboardPage.CoinTab;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinTabsTest {
    @Test
    void theDepositDialogHasATabPerCatalogueCoinWithTheFirstChosen() {
        List<CoinTab> tabs = DashboardPage.coinTabs();
        assertEquals(CoinCatalogue.currencies(), tabs.stream().map(CoinTab::coin).toList());
        assertEquals(List.of(true), tabs.stream().filter(CoinTab::selected).map(t -> t == tabs.get(0)).toList());
        assertEquals(new CoinTab("USDT", "TRC20", true), tabs.get(0));
        assertEquals(new CoinTab("XRP", "XRP", false), tabs.get(tabs.size() - 1));
    }
}
