<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Dashboard" active="dashboard">
  <c:if test="${view.welcome}">
    <div class="alert alert-success">Your account is ready. Make a first deposit to fund your desk.</div>
  </c:if>
  <div class="page-head">
    <h1>Dashboard</h1>
    <button type="button" class="btn btn-primary" data-open-dialog="deposit-dialog" data-testid="deposit-button">+ Deposit</button>
  </div>

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
            <td class="num mono"><c:out value="${h.amount}"/></td>
            <td class="num mono"><c:out value="${h.valueUsd}"/></td>
            <td class="num"><c:out value="${h.share}"/></td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
      </div>
    </article>
  </section>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Recent transactions</h2>
      <span class="muted small"><c:out value="${view.transactionCount}"/> in total</span>
    </div>
    <c:choose>
      <c:when test="${empty view.transactions}">
        <div class="empty" data-testid="no-transactions">
          <p>No transactions yet.</p>
          <p class="muted small">Deposits and balance changes will show up here.</p>
        </div>
      </c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="transactions">
            <thead><tr><th>Date</th><th>Type</th><th>Description</th><th>Status</th><th class="num">Amount</th></tr></thead>
            <tbody>
            <c:forEach var="tx" items="${view.transactions}">
              <tr>
                <td class="nowrap muted"><c:out value="${tx.time}"/></td>
                <td><c:out value="${tx.type}"/></td>
                <td><c:out value="${tx.description}"/></td>
                <td><t:status value="${tx.status}"/></td>
                <td class="num mono ${tx.credit ? 'pos' : 'neg'}"><c:out value="${tx.amount}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>

  <section class="card" id="arbitrage">
    <div class="card-head">
      <h2 class="card-title">Arbitrage opportunities</h2>
      <span class="badge badge-muted">scanner offline</span>
    </div>
    <div class="empty" data-testid="arbitrage-empty">
      <p>The market scanner is not running yet.</p>
      <p class="muted small">Fee-adjusted opportunities across exchanges, with depth and quote age, will be listed here.</p>
    </div>
  </section>

  <dialog id="deposit-dialog" class="dialog" aria-labelledby="deposit-title">
    <div class="dialog-head">
      <h2 id="deposit-title">Deposit</h2>
      <button type="button" class="btn btn-ghost btn-sm" data-close-dialog aria-label="Close">✕</button>
    </div>
    <div class="tabs" role="tablist">
      <button type="button" role="tab" class="tab active" aria-selected="true">USDT</button>
      <button type="button" role="tab" class="tab" aria-selected="false">BTC</button>
      <button type="button" role="tab" class="tab" aria-selected="false">ETH</button>
      <button type="button" role="tab" class="tab" aria-selected="false">USDC</button>
    </div>
    <div class="dialog-body">
      <p>Crypto deposits through NOWPayments are being connected.</p>
      <p class="muted small">You will pick a coin and network, get a deposit address with the exact amount and a QR code, and see your balance update as soon as the payment confirms.</p>
    </div>
  </dialog>
</t:layout>
