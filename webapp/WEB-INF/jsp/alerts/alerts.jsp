<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Alerts" active="alerts">
  <div class="page-head">
    <h1>Alerts</h1>
    <span class="muted small">A rule fires when a route's net spread at its size stays at or above the threshold for the duration.</span>
  </div>

  <section class="card" data-alerts data-testid="alert-rules">
    <div class="card-head">
      <h2 class="card-title">Rules</h2>
      <span class="muted small"><span data-rule-count>0</span> of <c:out value="${view.maxRules}"/></span>
    </div>
    <form class="alert-form" data-rule-form data-testid="rule-form" novalidate>
      <input type="hidden" name="id" value="">
      <label>Pair <select name="pair" data-testid="rule-pair"><option value="">Any pair</option>
        <c:forEach var="p" items="${view.pairs}"><option value="<c:out value='${p}'/>"><c:out value="${p}"/></option></c:forEach>
      </select></label>
      <label>Buy on <select name="buy_exchange" data-testid="rule-buy"><option value="">Any exchange</option>
        <c:forEach var="e" items="${view.exchanges}"><option value="<c:out value='${e}'/>"><c:out value="${e}"/></option></c:forEach>
      </select></label>
      <label>Sell on <select name="sell_exchange" data-testid="rule-sell"><option value="">Any exchange</option>
        <c:forEach var="e" items="${view.exchanges}"><option value="<c:out value='${e}'/>"><c:out value="${e}"/></option></c:forEach>
      </select></label>
      <label>Size (USD) <select name="size_usd" data-testid="rule-size">
        <c:forEach var="s" items="${view.sizesUsd}"><option value="<c:out value='${s}'/>"><c:out value="${s}"/></option></c:forEach>
      </select></label>
      <label>Net &ge; % <input name="min_net_pct" inputmode="decimal" value="0.3" size="6" required data-testid="rule-min-net"></label>
      <label>For &ge; s <input name="min_duration_seconds" inputmode="numeric" value="10" size="5" required data-testid="rule-duration"></label>
      <label class="check"><input type="checkbox" name="enabled" checked> On</label>
      <span class="alert-form-actions">
        <button type="submit" class="btn btn-primary btn-sm" data-testid="rule-save">Add rule</button>
        <button type="button" class="btn btn-ghost btn-sm" data-rule-cancel hidden>Cancel</button>
      </span>
    </form>
    <p class="alert alert-error" role="alert" data-rule-error data-testid="rule-error" hidden></p>
    <div class="table-wrap">
      <table class="table" data-testid="rules-table">
        <thead><tr><th>Route</th><th class="num">Size</th><th class="num">Net &ge;</th><th class="num">For &ge;</th><th>State</th><th></th></tr></thead>
        <tbody data-rule-rows><tr><td colspan="6" class="empty">Loading&hellip;</td></tr></tbody>
      </table>
    </div>
  </section>

  <section class="card" data-testid="alert-firings">
    <div class="card-head"><h2 class="card-title">Recent firings</h2></div>
    <div class="table-wrap">
      <table class="table">
        <thead><tr><th>When</th><th>Route</th><th class="num">Size</th><th class="num">Net</th><th class="num">Held</th></tr></thead>
        <tbody data-firing-rows><tr><td colspan="5" class="empty">Loading&hellip;</td></tr></tbody>
      </table>
    </div>
  </section>

  <section class="card" data-testid="alert-webhook">
    <div class="card-head"><h2 class="card-title">Webhook</h2></div>
    <form class="form form-row" data-webhook-form novalidate>
      <div class="grow"><label for="webhook-url">URL each firing is POSTed to (JSON)</label>
        <input id="webhook-url" name="url" type="url" placeholder="https://example.com/arbdesk-hook" maxlength="2000" data-testid="webhook-url"></div>
      <button type="submit" class="btn btn-primary btn-sm" data-testid="webhook-save">Save</button>
    </form>
    <p class="alert alert-error" role="alert" data-webhook-error hidden></p>
    <p class="webhook-secret">Signing secret: <code class="mono" data-webhook-secret data-testid="webhook-secret">none yet</code>
      <button type="button" class="btn btn-ghost btn-sm" data-webhook-reveal hidden>Reveal</button>
      <button type="button" class="btn btn-ghost btn-sm" data-webhook-rotate data-testid="webhook-rotate">New secret</button></p>
    <p class="muted small">Each POST carries <code>X-ArbDesk-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the secret&gt;</code>,
      <code>X-ArbDesk-Timestamp</code> (epoch seconds) and <code>X-ArbDesk-Delivery</code> (the delivery id, the same on every retry).
      Answer 2xx within a few seconds; anything else is retried with backoff.</p>
  </section>

  <section class="card" data-testid="alert-deliveries">
    <div class="card-head"><h2 class="card-title">Delivery log</h2></div>
    <div class="table-wrap">
      <table class="table">
        <thead><tr><th>Created</th><th>Delivery</th><th>Status</th><th>Attempts</th><th></th></tr></thead>
        <tbody data-delivery-rows><tr><td colspan="5" class="empty">Loading&hellip;</td></tr></tbody>
      </table>
    </div>
  </section>
  <script src="${asset['js/alerts.js']}"></script>
</t:layout>
