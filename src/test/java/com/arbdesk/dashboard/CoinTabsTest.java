package com.arbdesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.dashboard.DashboardPage.CoinTab;
import com.arbdesk.ledger.CoinCatalogue;
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
