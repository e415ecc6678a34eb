<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<t:layout title="${view.flagged ? 'Deposit exceptions' : (view.unwatched ? 'Deposits no longer watched' : 'Deposits')}" active="admin">
  <t:adminnav active="${view.flagged ? 'exceptions' : 'deposits'}"/>
  <div class="page-head">
    <h1><c:out value="${view.flagged ? 'Exceptions' : (view.unwatched ? 'No longer watched' : 'Deposits')}"/></h1>
    <span class="badge badge-muted" data-live-counter data-testid="live-counter">&mdash; new in the last 10 minutes</span>
  </div>
  <c:if test="${view.flagged}">
    <p class="muted small page-note">Deposits that need a look: partially paid, or flagged (overpaid, re-deposit, amount, currency
      or order mismatch, refund after credit, refund due after a cancelled partial payment, late payment, paid after a
      failure, finished with nothing reported, valuation pending); below them, the IPNs that never reached a deposit.</p>
  </c:if>

  <c:if test="${view.unwatched}">
    <p class="muted small page-note" data-testid="unwatched-note">Deposits whose watch window ended before they settled: the
      reconciler no longer asks the provider about them. Open one and use &ldquo;Check it again&rdquo; to poll it for another grace period.</p>
  </c:if>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title"><c:out value="${view.flagged ? 'Deposits needing a look' : (view.unwatched ? 'Unsettled, no longer polled' : 'All deposits')}"/></h2>
      <form method="get" action="${base}/admin/deposits" class="filters" data-testid="deposit-filters">
        <select name="status" class="select" aria-label="Status">
          <option value="">Any status</option>
          <c:forEach var="s" items="${view.statuses}">
            <option value="<c:out value='${s}'/>"<c:if test="${s == view.status}"> selected</c:if>><c:out value="${s}"/></option>
          </c:forEach>
        </select>
        <select name="currency" class="select" aria-label="Currency">
          <option value="">Any coin</option>
          <c:forEach var="cur" items="${view.currencies}">
            <option value="<c:out value='${cur}'/>"<c:if test="${cur == view.currency}"> selected</c:if>><c:out value="${cur}"/></option>
          </c:forEach>
        </select>
        <label class="check"><input type="checkbox" name="flagged" value="on"<c:if test="${view.flagged}"> checked</c:if>> Exceptions only</label>
        <button type="submit" class="btn btn-sm">Filter</button>
      </form>
    </div>
        <div class="table-wrap">
          <table class="table" data-testid="deposits" data-live-deposits data-live-insert="${view.flagged ? 'false' : 'true'}"<c:if test="${view.flagged}"> data-live-exceptions</c:if>>
            <thead><tr><th>ID</th><th>User</th><th class="num">Amount</th><th class="num">Credited</th><th>Coin</th>
              <th class="num">Pay amount</th><th>Status</th><th>Flags</th><th>Created</th><th>Updated</th></tr></thead>
            <tbody>
            <c:if test="${empty view.deposits}">
              <tr class="empty-row"><td colspan="10" class="empty" data-testid="no-deposits">No deposits match these filters.</td></tr>
            </c:if>
            <c:forEach var="d" items="${view.deposits}">
              <t:depositrow d="${d}"/>
            </c:forEach>
            </tbody>
          </table>
        </div>
    <c:if test="${not empty view.newerHref or not empty view.olderHref}">
      <div class="pager">
        <c:if test="${not empty view.newerHref}"><a href="${base}<c:out value='${view.newerHref}'/>">&larr; Newer</a></c:if>
        <c:if test="${not empty view.olderHref}"><a class="pager-next" href="${base}<c:out value='${view.olderHref}'/>">Older &rarr;</a></c:if>
      </div>
    </c:if>
  </section>

  <c:if test="${view.flagged}">
    <section class="card">
      <div class="card-head">
        <h2 class="card-title">IPNs that reached no deposit</h2>
        <a class="small" href="${base}/admin/ipn">Full IPN log</a>
      </div>
      <c:choose>
        <c:when test="${empty view.ipnProblems}">
          <div class="empty" data-testid="no-ipn-problems">No unknown payments, bad signatures or unreadable IPNs.</div>
        </c:when>
        <c:otherwise>
          <div class="table-wrap">
            <table class="table" data-testid="ipn-problems">
              <thead><tr><th>Received</th><th>IPN</th><th>Payment</th><th>Verdict</th><th>Detail</th><th>From</th></tr></thead>
              <tbody>
              <c:forEach var="i" items="${view.ipnProblems}">
                <tr>
                  <td class="nowrap muted small"><c:out value="${i.time}"/></td>
                  <td><a href="${base}/admin/ipn?verdict=<c:out value='${i.verdict}'/>">#<c:out value="${i.id}"/></a></td>
                  <td class="mono small"><c:out value="${i.paymentId}"/></td>
                  <td><span class="badge status-<c:out value='${i.tone}'/>"><c:out value="${i.verdict}"/></span></td>
                  <td class="small"><c:out value="${i.detail}"/></td>
                  <td class="mono small"><c:out value="${i.remote}"/></td>
                </tr>
              </c:forEach>
              </tbody>
            </table>
          </div>
        </c:otherwise>
      </c:choose>
    </section>
  </c:if>
  <script src="${asset['js/admin-live.js']}"></script>
</t:layout>
