<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="NOWPayments sandbox" active="sandbox">
  <div class="page-head">
    <div>
      <h1>NOWPayments sandbox</h1>
      <p class="muted small">The built-in stand-in for the provider: act as the payer, watch each status and signed IPN.</p>
    </div>
    <button type="button" class="btn" id="ipn-toggle" data-testid="ipn-toggle">Drop IPNs: off</button>
  </div>
  <div class="alert alert-info">Payments appear here when a deposit is created. Confirmations advance on a timer, one step at a time.</div>
  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Payments</h2>
      <span class="muted small" id="sandbox-updated">loading&hellip;</span>
    </div>
    <div class="table-wrap">
      <table class="table" data-testid="sandbox-payments">
        <thead><tr><th>Payment</th><th>Order</th><th>Coin</th><th class="num">Amount due</th><th class="num">Received</th>
          <th>Status</th><th>Last IPN</th><th>Actions</th></tr></thead>
        <tbody id="sandbox-rows"><tr><td colspan="8" class="empty">No payments yet.</td></tr></tbody>
      </table>
    </div>
  </section>
  <section class="card">
    <div class="card-head"><h2 class="card-title">Provider rate limit</h2></div>
    <form class="filters" id="rate-limit-form" data-testid="rate-limit-form">
      <span class="muted small">Answer the next</span>
      <input type="number" name="requests" min="1" max="1000" value="1" aria-label="Number of calls" class="select narrow">
      <span class="muted small">calls to</span>
      <select name="route" class="select" aria-label="Route">
        <option value="POST /payment">POST /payment (create)</option>
        <option value="GET /payment">GET /payment (status and list)</option>
        <option value="*">any endpoint</option>
      </select>
      <span class="muted small">with 429 Too Many Requests (HTML, no Retry-After, as nginx answers)</span>
      <button type="submit" class="btn btn-sm">Apply</button>
      <span class="muted small" id="rate-limit-state"></span>
    </form>
  </section>
  <section class="card">
    <div class="card-head"><h2 class="card-title">Invoices</h2></div>
    <div class="table-wrap">
      <table class="table">
        <thead><tr><th>Invoice</th><th>Order</th><th class="num">Price</th><th>Hosted page</th><th>IPNs of its payments</th></tr></thead>
        <tbody id="sandbox-invoices"><tr><td colspan="5" class="empty">No invoices yet.</td></tr></tbody>
      </table>
    </div>
  </section>
  <script src="${asset['js/sandbox.js']}"></script>
</t:layout>
