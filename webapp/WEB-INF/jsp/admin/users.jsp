<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Back office" active="admin">
  <t:adminnav active="users"/>
  <div class="page-head">
    <h1>Back office</h1>
  </div>
  <section class="card" data-testid="provider-health">
    <div class="card-head">
      <h2 class="card-title">Payment provider</h2>
      <span class="badge status-${view.provider.healthy ? 'completed' : (view.provider.state == 'checking' ? 'pending' : 'failed')}"
            data-testid="provider-state"><c:out value="${view.provider.state}"/></span>
    </div>
    <p><c:out value="${view.provider.message}"/></p>
    <p class="muted small">
      <c:out value="${view.provider.builtInSandbox ? 'Built-in NOWPayments sandbox' : 'NOWPayments'}"/> at
      <code><c:out value="${view.provider.apiUrl}"/></code>
      <c:if test="${not empty view.providerChecked}"> &middot; checked <c:out value="${view.providerChecked}"/></c:if>
      &middot; <c:out value="${view.provider.enabledCoins.size()}"/> coins enabled
    </p>
    <dl class="grid grid-3 facts health-figures" data-testid="ipn-health">
      <div><dt>Last IPN received</dt><dd data-testid="ipn-last"><c:out value="${view.ipn.lastReceived}"/></dd></div>
      <div><dt>IPN failures, last hour</dt><dd data-testid="ipn-failures" class="figure ${view.ipn.failuresLastHour > 0 ? 'neg' : ''}">
        <a href="${pageContext.request.contextPath}/admin/deposits?flagged=on"><c:out value="${view.ipn.failuresLastHour}"/></a></dd></div>
      <div><dt><c:out value="${'Open deposits older than ' += view.ipn.threshold}"/></dt>
        <dd data-testid="stale-deposits" class="figure ${view.ipn.staleOpen > 0 ? 'neg' : ''}"><c:out value="${view.ipn.staleOpen}"/></dd></div>
    </dl>
    <c:if test="${not empty view.provider.hints}">
      <ul class="small"><c:forEach var="h" items="${view.provider.hints}"><li><c:out value="${h}"/></li></c:forEach></ul>
    </c:if>
    <button type="button" class="btn btn-sm" data-post-api="/api/admin/provider/recheck" data-testid="provider-recheck">Re-check now</button>
  </section>

  <section class="card" data-testid="reconciler-card">
    <div class="card-head">
      <h2 class="card-title">Reconciler</h2>
      <span class="badge ${view.reconciler.behind || not empty view.reconciler.paused ? 'status-failed' : 'status-completed'}"
            data-testid="reconciler-state"><c:out value="${not empty view.reconciler.paused ? 'paused' : (view.reconciler.behind ? 'behind' : 'on schedule')}"/></span>
    </div>
    <p class="muted small">Asks the provider about every deposit whose IPN may have been lost, the most overdue first, at most
      <c:out value="${view.reconciler.rate}"/> requests per second.</p>
    <dl class="grid grid-3 facts health-figures health-figures-4" data-testid="reconciler-health">
      <div><dt>Lag (most overdue check)</dt><dd data-testid="reconciler-lag" class="figure ${view.reconciler.behind ? 'neg' : ''}"><c:out value="${view.reconciler.lag}"/></dd></div>
      <div><dt>Checks, last hour</dt><dd data-testid="reconciler-checks" class="figure"><c:out value="${view.reconciler.checksLastHour}"/></dd></div>
      <div><dt>Errors, last hour</dt><dd data-testid="reconciler-errors" class="figure ${view.reconciler.errorsLastHour > 0 ? 'neg' : ''}"><c:out value="${view.reconciler.errorsLastHour}"/></dd></div>
      <div><dt>No longer watched</dt><dd data-testid="reconciler-unwatched" class="figure ${view.reconciler.unwatched > 0 ? 'warn' : ''}">
        <a href="${pageContext.request.contextPath}/admin/deposits?watch=unwatched"><c:out value="${view.reconciler.unwatched}"/></a></dd></div>
    </dl>
    <p class="muted small" data-testid="reconciler-watched"><c:out value="${view.reconciler.watched}"/> deposits watched<c:if
      test="${not empty view.reconciler.lastError}"> &middot; last error: <c:out value="${view.reconciler.lastError}"/></c:if></p>
    <c:if test="${not empty view.reconciler.paused}"><p class="alert alert-error" data-testid="reconciler-paused"><c:out value="${view.reconciler.paused}"/></p></c:if>
    <c:set var="recovery" value="${not empty view.provider.invoiceRecovery ? view.provider.invoiceRecovery : view.reconciler.invoiceRecoveryMessage}"/>
    <c:if test="${not empty recovery}">
      <p class="alert alert-warn" data-testid="invoice-recovery"><c:out value="${recovery}"/></p>
    </c:if>
  </section>

  <section class="card" data-testid="market-health">
    <div class="card-head">
      <h2 class="card-title">Market data</h2>
      <span class="badge badge-muted"><c:out value="${view.marketSource}"/> market data</span>
    </div>
    <div class="table-wrap">
      <table class="table">
        <thead><tr><th>Exchange</th><th>Status</th><th>Last success</th><th class="num">Errors</th><th class="num">Latency</th><th>Last error</th></tr></thead>
        <tbody>
        <c:forEach var="m" items="${view.market}">
          <tr>
            <td><c:out value="${m.exchange}"/></td>
            <td><span class="badge ${m.healthy ? 'status-completed' : 'status-failed'}"><c:out value="${m.healthy ? 'healthy' : 'unhealthy'}"/></span></td>
            <td class="nowrap muted small"><c:out value="${m.lastSuccess}"/></td>
            <td class="num"><c:out value="${m.errors}"/></td>
            <td class="num"><c:out value="${m.latency}"/></td>
            <td class="small"><c:out value="${m.lastError}"/></td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
    </div>
  </section>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Users</h2>
      <form method="get" action="${pageContext.request.contextPath}/admin" class="search" role="search">
        <input type="search" name="q" value="<c:out value='${view.query}'/>" placeholder="Search by email" aria-label="Search users by email">
        <button type="submit" class="btn btn-sm">Search</button>
      </form>
    </div>
    <c:choose>
      <c:when test="${empty view.users}">
        <div class="empty">No users match &ldquo;<c:out value="${view.query}"/>&rdquo;.</div>
      </c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="users">
            <thead><tr><th>ID</th><th>Email</th><th>Role</th><th>Status</th><th class="num">Balance</th><th>Joined</th></tr></thead>
            <tbody>
            <c:forEach var="u" items="${view.users}">
              <tr>
                <td class="muted">#<c:out value="${u.id}"/></td>
                <td><a href="${pageContext.request.contextPath}/admin/users/${u.id}"><c:out value="${u.email}"/></a></td>
                <td><span class="badge ${u.admin ? 'badge-admin' : 'badge-muted'}"><c:out value="${u.role}"/></span></td>
                <td><c:out value="${u.disabled ? 'disabled' : 'active'}"/></td>
                <td class="num mono"><c:out value="${u.balance}"/></td>
                <td class="nowrap muted"><c:out value="${u.created}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Latest transactions</h2></div>
    <c:choose>
      <c:when test="${empty view.recent}"><div class="empty">No transactions yet.</div></c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="admin-transactions">
            <thead><tr><th>Date</th><th>User</th><th>Type</th><th>Description</th><th>Status</th><th class="num">Amount</th></tr></thead>
            <tbody>
            <c:forEach var="tx" items="${view.recent}">
              <tr>
                <td class="nowrap muted"><c:out value="${tx.time}"/></td>
                <td><a href="${pageContext.request.contextPath}/admin/users/${tx.userId}"><c:out value="${tx.userEmail}"/></a></td>
                <td><c:out value="${tx.type}"/></td>
                <td><c:out value="${tx.description}"/></td>
                <td><t:status value="${tx.status}"/></td>
                <t:txamount tx="${tx}"/>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>
</t:layout>
