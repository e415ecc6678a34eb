<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Dashboard" active="dashboard">
  <c:if test="${view.welcome}">
    <div class="alert alert-success" data-testid="welcome">Your account is ready. Make a first deposit to fund your desk.</div>
  </c:if>
  <div class="page-head">
    <h1>Dashboard</h1>
    <button type="button" class="btn btn-primary" data-open-dialog="deposit-dialog" data-testid="deposit-button">+ Deposit</button>
  </div>

  <section class="card open-deposit" data-testid="open-deposit" hidden>
    <p class="open-deposit-text"><strong>Open deposit:</strong> <span data-field="summary"></span>
      <span class="muted">&mdash;</span> <span data-field="status"></span></p>
    <span class="open-deposit-actions">
      <button type="button" class="btn btn-sm btn-primary" data-testid="open-deposit-retry" hidden>Try again</button>
      <button type="button" class="btn btn-sm" data-testid="open-deposit-show">Show</button>
      <button type="button" class="btn btn-sm btn-ghost btn-dismiss" data-testid="open-deposit-dismiss" aria-label="Stop showing this deposit" title="Stop showing this deposit"></button>
    </span>
  </section>

  <section class="grid grid-3">
    <article class="card stat">
      <h2 class="card-title">USD balance</h2>
      <p class="stat-value" data-testid="balance"><c:out value="${view.balance}"/></p>
      <p class="muted small">Available to trade</p>
    </article>
    <article class="card span-2">
      <h2 class="card-title">Portfolio</h2>
      <div class="table-wrap">
      <table class="table">
        <thead><tr><th>Asset</th><th class="num">Amount</th><th class="num">Value (USD)</th><th class="num">Share</th></tr></thead>
        <tbody>
        <c:forEach var="h" items="${view.holdings}">
          <tr>
            <td><span class="asset-icon"><c:out value="${h.asset}"/></span> <c:out value="${h.name}"/></td>
            <td class="num mono" data-live-balance><c:out value="${h.amount}"/></td>
            <td class="num mono" data-live-balance><c:out value="${h.valueUsd}"/></td>
            <td class="num"><c:out value="${h.share}"/></td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
      </div>
    </article>
  </section>

  <t:transactions transactions="${view.transactions}" total="${view.transactionCount}"/>

  <section class="card" id="arbitrage" data-arbitrage data-live-market>
    <div class="card-head">
      <h2 class="card-title">Arbitrage opportunities</h2>
      <span class="arb-meta"><span class="badge badge-muted" data-arb-source data-testid="arb-source">loading&hellip;</span>
        <span class="muted small gap-left" data-arb-updated data-testid="arb-updated"></span></span>
    </div>
    <div class="arb-tabs" role="tablist" aria-label="Kind of arbitrage">
      <button type="button" class="tab active" role="tab" aria-selected="true" data-arb-tab="cross">Across exchanges</button>
      <button type="button" class="tab" role="tab" aria-selected="false" data-arb-tab="triangular"
              data-testid="arb-tab-triangular">Triangular</button>
    </div>
    <div data-arb-panel="cross">
    <form class="arb-filters" data-arb-filters>
      <label>Pair <select name="pair" data-testid="arb-pair"><option value="">All pairs</option></select></label>
      <label>Exchange <select name="exchange"><option value="">All exchanges</option></select></label>
      <label>Size <select name="size" data-testid="arb-size"></select></label>
      <label>Min net % <input name="min_net" inputmode="decimal" placeholder="any" size="6" data-testid="arb-min-net"></label>
      <label class="arb-toggle"><input type="checkbox" name="rank_for" value="me" data-testid="arb-rank-mine"> Rank by my holdings</label>
    </form>
    <p class="muted small" data-arb-holdings data-testid="arb-holdings" hidden></p>
    <div class="table-wrap">
      <table class="table arb-table" data-testid="arbitrage-table">
        <thead><tr>
          <th data-sort="pair"><button type="button" class="th-sort">Pair</button></th>
          <th data-sort="buy_exchange"><button type="button" class="th-sort">Buy on</button></th>
          <th data-sort="sell_exchange"><button type="button" class="th-sort">Sell on</button></th>
          <th class="num" data-sort="ask"><button type="button" class="th-sort">Ask</button></th>
          <th class="num" data-sort="bid"><button type="button" class="th-sort">Bid</button></th>
          <th class="num" data-sort="gross_pct"><button type="button" class="th-sort">Gross %</button></th>
          <th class="num" data-sort="net"><button type="button" class="th-sort">Net %</button></th>
          <th class="num" data-sort="base"><button type="button" class="th-sort">Size</button></th>
          <th class="num" data-sort="profit"><button type="button" class="th-sort">Est. profit</button></th>
          <th class="num" data-sort="age_ms"><button type="button" class="th-sort">Age</button></th>
          <th>Transfer</th>
          <th>Flags</th></tr></thead>
        <tbody data-arb-rows><tr><td colspan="12" class="empty">Loading market data&hellip;</td></tr></tbody>
      </table>
    </div>
    <p class="muted small">Net % is after both exchanges' taker fees and the withdrawal fee of the network shown; size is what the
      order books fill at that amount ("below min. withdrawal": too little to withdraw on that network). Transfer: the cheapest
      network open on both sides, its typical time, and the capture odds (the share of this route's episodes at the size chosen,
      of the last 7 days, that outlasted the transfer); routes whose coin cannot
      move are marked and listed last. Sort by any column (click or Enter); numbers sort highest first.</p>
    </div>
    <div data-arb-panel="triangular" data-triangular hidden>
      <div class="table-wrap scroll-box">
        <table class="table tri-table" data-testid="triangular-table">
          <thead><tr><th>Exchange</th><th>Cycle</th><th class="num">Start</th><th class="num">End</th><th class="num">Net %</th>
            <th>Legs</th></tr></thead>
          <tbody data-tri-rows><tr><td colspan="6" class="empty">Loading&hellip;</td></tr></tbody>
        </table>
      </div>
      <p class="muted small">Three trades on one exchange, from USDT through two coins and back: each leg walks its order
        book and pays the exchange's taker fee on what it receives. No transfer between exchanges is needed.</p>
    </div>
  </section>

  <section class="card" id="opportunities" data-episodes data-testid="episodes">
    <div class="card-head">
      <h2 class="card-title">Opportunities, last 24 h</h2>
      <a class="btn btn-sm" href="${pageContext.request.contextPath}/api/arbitrage/episodes/csv" download
         data-episodes-csv data-testid="episodes-csv">Export CSV</a>
    </div>
    <form class="arb-filters" data-episodes-filters>
      <label>Pair <select name="pair" data-testid="episodes-pair"><option value="">All pairs</option></select></label>
      <label>Exchange <select name="exchange"><option value="">All exchanges</option></select></label>
      <label>Size <select name="size"><option value="">All sizes</option></select></label>
      <label>At least <select name="min_duration" data-testid="episodes-min-duration">
        <option value="">any time</option><option value="10">10 s</option><option value="60">1 min</option>
        <option value="300">5 min</option></select></label>
    </form>
    <h3 class="card-subtitle">Typical duration per route</h3>
    <div class="table-wrap scroll-box">
      <table class="table ep-table" data-testid="episodes-typical">
        <thead><tr><th>Route</th><th class="num">Size</th><th class="num">Episodes</th><th class="num">Median duration</th>
          <th class="num">Best net %</th></tr></thead>
        <tbody data-episodes-typical><tr><td colspan="5" class="empty">Loading&hellip;</td></tr></tbody>
      </table>
    </div>
    <h3 class="card-subtitle">Episodes</h3>
    <div class="table-wrap scroll-box">
      <table class="table ep-table" data-testid="episodes-table">
        <thead><tr><th>Route</th><th class="num">Size</th><th>Started</th><th class="num">Duration</th>
          <th class="num">Peak net %</th></tr></thead>
        <tbody data-episodes-rows><tr><td colspan="5" class="empty">Loading&hellip;</td></tr></tbody>
      </table>
    </div>
    <p class="muted small">An episode runs from the first poll that saw a route's net spread above zero at a size to the
      first poll that no longer did. Stale and implausible quotes never count.</p>
  </section>

  <dialog id="arb-chart-dialog" class="dialog arb-chart" aria-labelledby="arb-chart-title" data-arb-chart data-testid="arb-chart">
    <div class="dialog-head">
      <h2 id="arb-chart-title" data-arb-chart-title>Spread history</h2>
      <button type="button" class="btn btn-ghost btn-sm" data-close-dialog aria-label="Close">&#x2715;</button>
    </div>
    <div class="dialog-body">
      <div class="arb-ranges" role="group" aria-label="Range">
        <button type="button" class="tab active" data-range="1h" aria-pressed="true">1 h</button>
        <button type="button" class="tab" data-range="24h" aria-pressed="false">24 h</button>
        <button type="button" class="tab" data-range="7d" aria-pressed="false">7 d</button>
        <button type="button" class="tab" data-range="30d" aria-pressed="false">30 d</button>
      </div>
      <div class="arb-chart-plot" data-arb-chart-plot data-testid="arb-chart-plot"></div>
      <p class="muted small" data-arb-chart-status data-testid="arb-chart-status" aria-live="polite">Loading&hellip;</p>
      <p class="muted small">Gross and net spread in %, net at each size after fees. The marks under the chart show when
        the route was profitable, one lane per size; live points are added as the scanner reports them.</p>
    </div>
  </dialog>

  <dialog id="deposit-dialog" class="dialog deposit" aria-labelledby="deposit-title">
    <div class="dialog-head">
      <h2 id="deposit-title">Deposit</h2>
      <button type="button" class="btn btn-ghost btn-sm" data-close-dialog aria-label="Close">&#x2715;</button>
    </div>

    <form class="dep-step" data-step="choose" data-testid="deposit-choose" novalidate>
      <div class="tabs" role="tablist" aria-label="Coin">
        <c:forEach items="${view.coinTabs}" var="tab">
          <button type="button" role="tab" class="tab${tab.selected ? ' active' : ''}" aria-selected="${tab.selected}"
                  data-coin="<c:out value='${tab.coin}'/>"><c:out value="${tab.coin}"/></button>
        </c:forEach>
      </div>
      <div class="dialog-body">
        <div class="dep-field" data-part="networks">
          <span class="dep-label" id="dep-network-label">Network</span>
          <div class="net-picker" role="group" aria-labelledby="dep-network-label" data-testid="network-picker"></div>
        </div>
        <div class="net-card">
          <span class="net-badge" data-testid="network-badge"><span class="net-coin"><c:out value="${view.coinTabs[0].coin}"/></span><span
              class="net-net"><c:out value="${view.coinTabs[0].defaultNetwork}"/></span></span>
          <span class="net-name" data-field="network-name">Loading networks&hellip;</span>
        </div>
        <p class="dep-warning" data-testid="network-warning" role="note"></p>

        <div class="dep-field">
          <label class="dep-label" for="dep-amount">Amount (USD)</label>
          <div class="amount-input">
            <span aria-hidden="true">$</span>
            <input id="dep-amount" name="amount_usd" type="text" inputmode="decimal" autocomplete="off" placeholder="50.00"
                   aria-describedby="dep-minimum dep-amount-error" data-testid="amount">
          </div>
          <p id="dep-minimum" class="dep-hint" data-testid="minimum">Minimum &hellip;</p>
          <p id="dep-amount-error" class="field-error" data-testid="amount-error" role="alert" hidden></p>
        </div>
        <p class="alert alert-error" data-testid="deposit-error" role="alert" hidden></p>
        <p class="alert alert-info" data-testid="set-aside-note" role="status" hidden>We stopped following that deposit here.
          If you pay it anyway, it is still credited to your balance.</p>
        <div class="dep-actions dep-actions-stack">
          <button type="submit" class="btn btn-primary" data-testid="generate">Generate deposit address</button>
          <button type="button" class="btn" data-mode="invoice" data-testid="pay-popup">Pay in a popup</button>
        </div>
      </div>
    </form>

    <div class="dep-step" data-step="pay" data-testid="deposit-pay" hidden>
      <div class="dialog-body">
        <div class="pay-head">
          <span class="net-badge" data-field="pay-badge"><span class="net-coin"></span><span class="net-net"></span></span>
          <div class="pay-head-text">
            <span class="net-name" data-field="pay-network-name"></span>
            <span class="muted small"><span data-field="pay-price"></span> deposit
              <span class="badge badge-status" data-testid="deposit-status-badge"></span></span>
          </div>
        </div>

        <div data-part="payment">
          <div class="dep-pay">
            <img class="qr" alt="QR code of the deposit address" width="168" height="168" data-testid="qr">
            <div class="dep-pay-lines">
              <p class="dep-label">Send exactly</p>
              <div class="copy-row">
                <p class="mono big"><span data-testid="pay-amount"></span> <span data-field="pay-coin"></span></p>
                <button type="button" class="btn btn-sm" data-copy="pay-amount" data-testid="copy-amount">Copy</button>
              </div>
              <p class="dep-label">To this address</p>
              <div class="copy-row">
                <p class="mono address" data-testid="pay-address"></p>
                <button type="button" class="btn btn-sm" data-copy="pay-address" data-testid="copy-address">Copy</button>
              </div>
              <a class="btn btn-sm wallet-link" data-testid="wallet-link" hidden>Open in wallet</a>
              <div data-part="memo" hidden>
                <p class="dep-label">With this memo (destination tag)</p>
                <div class="copy-row">
                  <p class="mono address memo" data-testid="pay-memo"></p>
                  <button type="button" class="btn btn-sm" data-copy="pay-memo" data-testid="copy-memo">Copy</button>
                </div>
              </div>
            </div>
          </div>
          <p class="dep-warning dep-memo-warning" data-testid="memo-warning" role="alert" hidden></p>
          <p class="dep-warning" data-field="pay-warning" role="note"></p>
          <p class="dep-hint" data-testid="valid-until" hidden></p>
          <p class="dep-hint dep-hint-ok" data-testid="quote-refreshed" role="status" hidden></p>
        </div>

        <div data-part="invoice" class="dep-invoice" hidden>
          <p class="big">Complete the payment in the popup</p>
          <p class="muted small">Keep this window open: it follows the payment and closes the popup once it is paid.
            <a data-field="invoice-link" target="_blank" rel="opener">Open the payment page</a></p>
          <p class="alert alert-info" data-testid="popup-blocked" hidden>Your browser blocked the popup.
            <a data-field="invoice-link" target="_blank" rel="opener">Open the payment page</a> to pay.</p>
        </div>

        <ol class="dep-steps" data-testid="deposit-steps" aria-label="Progress">
          <li data-step-of="pending">Waiting for payment</li>
          <li data-step-of="confirming">Confirming on chain</li>
          <li data-step-of="completed">Credited</li>
        </ol>
        <div class="dep-status" data-testid="deposit-status" role="status" aria-live="polite">
          <span class="dep-dot" aria-hidden="true"></span>
          <span data-field="status-text"></span>
          <span class="dep-countdown mono" data-testid="countdown"></span>
        </div>
        <p class="muted small dep-tx" data-testid="payin-hash" hidden>Your transaction:
          <a data-field="payin-hash-link" target="_blank" rel="noopener noreferrer"></a></p>
        <p class="alert alert-success" data-testid="deposit-success" hidden></p>
        <div class="dep-actions">
          <button type="button" class="btn btn-primary" data-action="topup" data-testid="top-up" hidden>Top up the rest</button>
          <button type="button" class="btn btn-primary" data-action="retry" data-testid="retry-deposit" hidden>Try again</button>
          <button type="button" class="btn" data-action="new" data-testid="new-deposit">Start a new deposit</button>
          <button type="button" class="btn btn-ghost" data-action="cancel" data-testid="cancel-deposit" hidden>Cancel this one</button>
        </div>
      </div>
    </div>
  </dialog>
  <script src="${asset['js/deposit-text.js']}"></script>
  <script src="${asset['js/deposit-quote.js']}"></script>
  <script src="${asset['js/deposit.js']}"></script>
  <script src="${asset['js/arbitrage.js']}"></script>
  <script src="${asset['js/arbitrage-chart.js']}"></script>
  <script src="${asset['js/episodes.js']}"></script>
  <script src="${asset['js/triangular.js']}"></script>
</t:layout>
