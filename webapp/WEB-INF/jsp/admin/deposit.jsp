<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<c:set var="d" value="${view.deposit}"/>
<t:layout title="Deposit #${d.row.id}" active="admin">
  <t:adminnav active="deposits"/>
  <p class="crumbs"><a href="${base}/admin">Back office</a> &rsaquo; <a href="${base}/admin/deposits">Deposits</a> &rsaquo; Deposit #<c:out value="${d.row.id}"/></p>
  <div class="page-head">
    <h1>Deposit #<c:out value="${d.row.id}"/><span class="gap-left"><t:status value="${d.row.status}"/></span></h1>
    <div class="head-actions">
    <form method="post" action="${base}/admin/deposits/${d.row.id}/recheck" class="inline">
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <button type="submit" class="btn btn-sm" data-testid="recheck">Re-check with provider</button>
    </form>
    <c:if test="${view.watch.canWatchAgain}">
      <form method="post" action="${base}/admin/deposits/${d.row.id}/watch" class="inline">
        <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
        <button type="submit" class="btn btn-sm" data-testid="watch-again">Check it again</button>
      </form>
    </c:if>
    <c:if test="${d.needsReview}">
      <form method="post" action="${base}/admin/deposits/${d.row.id}/approve" class="inline">
        <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
        <button type="submit" class="btn btn-sm btn-primary" data-testid="approve">Approve and credit</button>
      </form>
    </c:if>
    </div>
  </div>
  <c:if test="${not empty view.notice}">
    <div class="alert alert-<c:out value='${view.noticeTone}'/>" data-testid="notice"><c:out value="${view.notice}"/></div>
  </c:if>

  <section class="card" data-testid="deposit-summary">
    <h2 class="card-title">Summary</h2>
    <dl class="facts">
      <div><dt>User</dt><dd><a href="${base}/admin/users/${d.row.userId}"><c:out value="${d.row.user}"/></a><span class="muted small gap-left">#<c:out value="${d.row.userId}"/></span></dd></div>
      <div><dt>Amount</dt><dd class="mono"><c:out value="${d.row.amount}"/></dd></div>
      <div><dt>Credited</dt><dd class="mono" data-testid="credited"><c:out value="${d.row.credited}"/></dd></div>
      <div><dt>Coin</dt><dd><c:out value="${d.row.coin}"/><span class="muted gap-left">&middot; <c:out value="${d.row.network}"/></span></dd></div>
      <div><dt>Pay amount</dt><dd class="mono"><c:out value="${d.row.payAmount}"/></dd></div>
      <div><dt>Actually paid</dt><dd class="mono"><c:out value="${d.actuallyPaid}"/></dd></div>
      <div class="wide"><dt>Address</dt><dd class="mono small"><c:out value="${d.address}"/></dd></div>
      <c:if test="${not empty d.memo}"><div><dt>Memo (payin extra id)</dt><dd class="mono" data-testid="memo"><c:out value="${d.memo}"/></dd></div></c:if>
      <div class="wide"><dt>Payer's transaction</dt><dd class="mono small" data-testid="payin-hash"><c:choose>
        <c:when test="${not empty d.txUrl}"><a href="<c:out value='${d.txUrl}'/>" target="_blank" rel="noopener noreferrer"><c:out value="${d.txHash}"/></a></c:when>
        <c:otherwise><c:out value="${d.txHash}"/></c:otherwise></c:choose></dd></div>
      <div><dt>Payment ID</dt><dd class="mono"><c:out value="${d.paymentId}"/></dd></div>
      <div><dt>Order ID</dt><dd class="mono small"><c:out value="${d.orderId}"/></dd></div>
      <div><dt>Invoice</dt><dd class="mono small"><c:choose>
        <c:when test="${not empty d.invoiceUrl}"><a href="<c:out value='${d.invoiceUrl}'/>" rel="noopener noreferrer"><c:out value="${d.invoiceId}"/></a></c:when>
        <c:otherwise><c:out value="${d.invoiceId}"/></c:otherwise></c:choose></dd></div>
      <div><dt>Mode</dt><dd><c:out value="${d.mode}"/></dd></div>
      <div><dt>Provider status</dt><dd><c:out value="${d.providerStatus}"/></dd></div>
      <div><dt>Flags</dt><dd data-testid="flags"><c:choose>
        <c:when test="${empty d.row.flags}"><span class="muted">none</span></c:when>
        <c:otherwise><span class="flags"><c:forEach var="f" items="${d.row.flags}"><span class="badge badge-flag"><c:out value="${f}"/></span></c:forEach></span></c:otherwise>
      </c:choose></dd></div>
      <c:if test="${not empty d.failureReason}"><div class="wide"><dt>Failure reason</dt><dd class="neg"><c:out value="${d.failureReason}"/></dd></div></c:if>
      <c:if test="${not empty d.parentId}"><div><dt>Re-deposit of</dt><dd><a href="${base}/admin/deposits/${d.parentId}">#<c:out value="${d.parentId}"/></a></dd></div></c:if>
      <div><dt>Quote expires</dt><dd class="small"><c:out value="${d.expires}"/></dd></div>
      <div><dt>Payment valid until</dt><dd class="small"><c:out value="${d.validUntil}"/></dd></div>
      <div class="wide"><dt>Reconciler</dt><dd class="small watch-${view.watch.state}" data-testid="watch"><c:out value="${view.watch.text}"/></dd></div>
      <div><dt>Created</dt><dd class="small"><c:out value="${d.row.created}"/></dd></div>
      <div><dt>Updated</dt><dd class="small"><c:out value="${d.row.updated}"/></dd></div>
    </dl>
  </section>

  <section class="card">
    <h2 class="card-title">Status timeline</h2>
    <c:choose>
      <c:when test="${empty view.timeline}"><div class="empty">No status changes recorded.</div></c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="timeline">
            <thead><tr><th>Time</th><th>Change</th><th>Provider</th><th>Source</th><th class="num">Credited</th><th>Note</th></tr></thead>
            <tbody>
            <c:forEach var="e" items="${view.timeline}">
              <tr>
                <td class="nowrap muted small"><c:out value="${e.time}"/></td>
                <td class="nowrap"><c:choose>
                  <c:when test="${empty e.from}"><span class="muted small">new</span></c:when>
                  <c:otherwise><t:status value="${e.from}"/></c:otherwise></c:choose>
                  <span class="muted arrow">&rarr;</span><t:status value="${e.to}"/></td>
                <td class="small"><c:out value="${e.providerStatus}"/></td>
                <td class="small"><c:out value="${e.source}"/><c:if test="${not empty e.ipnId}"><span class="muted gap-left">IPN #<c:out value="${e.ipnId}"/></span></c:if></td>
                <td class="num mono ${e.credit ? 'pos' : 'muted'}"><c:out value="${e.credited}"/></td>
                <td class="small"><c:out value="${e.note}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>

  <section class="card">
    <h2 class="card-title">Ledger entries</h2>
    <c:choose>
      <c:when test="${empty view.entries}"><div class="empty" data-testid="no-entries">Nothing credited for this deposit.</div></c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="entries">
            <thead><tr><th>Date</th><th>Type</th><th>Source</th><th>By</th><th class="num">Amount</th></tr></thead>
            <tbody>
            <c:forEach var="e" items="${view.entries}">
              <tr>
                <td class="nowrap muted small"><c:out value="${e.time}"/></td>
                <td><c:out value="${e.type}"/></td>
                <td class="small"><c:out value="${e.source}"/><br><span class="muted"><c:out value="${e.reason}"/></span></td>
                <td><c:out value="${e.actor}"/></td>
                <td class="num mono ${e.credit ? 'pos' : 'neg'}"><c:out value="${e.amount}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">IPNs for this deposit</h2><a class="small" href="${base}/admin/ipn">IPN log</a></div>
    <c:choose>
      <c:when test="${empty view.ipns}"><div class="empty" data-testid="no-ipns">No IPN has named this deposit.</div></c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="deposit-ipns">
            <thead><tr><th>Received</th><th>IPN</th><th>Provider status</th><th>Verdict</th><th>Detail</th><th></th></tr></thead>
            <tbody>
            <c:forEach var="i" items="${view.ipns}">
              <tr>
                <td class="nowrap muted small"><c:out value="${i.time}"/></td>
                <td class="muted">#<c:out value="${i.id}"/></td>
                <td><c:out value="${i.providerStatus}"/></td>
                <td><span class="badge status-<c:out value='${i.tone}'/>"><c:out value="${i.verdict}"/></span></td>
                <td class="small"><c:out value="${i.detail}"/></td>
                <td class="num"><t:replay ipn="${i.id}" back="/admin/deposits/${d.row.id}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
  </section>
</t:layout>
