<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<t:layout title="${view.user.email}" active="admin">
  <t:adminnav active="users"/>
  <p class="crumbs"><a href="${base}/admin">Back office</a> &rsaquo; User #<c:out value="${view.user.id}"/></p>
  <div class="page-head">
    <h1><c:out value="${view.user.email}"/></h1>
    <span class="badge ${view.user.admin ? 'badge-admin' : 'badge-muted'}"><c:out value="${view.user.role}"/></span>
  </div>
  <c:if test="${not empty view.notice}"><div class="alert alert-success" data-testid="notice"><c:out value="${view.notice}"/></div></c:if>

  <section class="grid grid-3">
    <article class="card stat">
      <h2 class="card-title">USD balance</h2>
      <p class="stat-value" data-testid="user-balance"><c:out value="${view.user.balance}"/></p>
      <p class="muted small">Joined <c:out value="${view.user.created}"/></p>
    </article>
    <article class="card span-2">
      <h2 class="card-title">Balance adjustment</h2>
      <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
      <form method="post" action="${base}/admin/users/${view.user.id}/adjustments" class="form form-row">
        <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
        <div>
          <label for="amount_usd">Amount (USD)</label>
          <input id="amount_usd" name="amount_usd" inputmode="decimal" placeholder="25.00 or -10.00" required value="<c:out value='${view.formAmount}'/>">
        </div>
        <div class="grow">
          <label for="reason">Reason (kept in the audit trail)</label>
          <input id="reason" name="reason" required minlength="5" maxlength="500" placeholder="e.g. Goodwill credit, ticket #123" value="<c:out value='${view.formReason}'/>">
        </div>
        <button type="submit" class="btn btn-primary">Record adjustment</button>
      </form>
      <p class="muted small">Adjustments are ledger entries signed with your admin id; they are never edits of a balance.</p>
    </article>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Transactions</h2></div>
    <c:choose>
      <c:when test="${empty view.transactions}"><div class="empty">No transactions yet.</div></c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="user-transactions">
            <thead><tr><th>Date</th><th>Type</th><th>Description</th><th>Status</th><th class="num">Amount</th></tr></thead>
            <tbody>
            <c:forEach var="tx" items="${view.transactions}">
              <tr>
                <td class="nowrap muted"><c:out value="${tx.time}"/></td>
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

  <section class="grid grid-2">
    <article class="card">
      <h2 class="card-title">Ledger entries</h2>
      <c:choose>
        <c:when test="${empty view.entries}"><div class="empty">No ledger entries.</div></c:when>
        <c:otherwise>
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th>Date</th><th>Source</th><th>By</th><th class="num">Amount</th></tr></thead>
              <tbody>
              <c:forEach var="e" items="${view.entries}">
                <tr>
                  <td class="nowrap muted"><c:out value="${e.time}"/></td>
                  <td><c:out value="${e.source}"/><br><span class="muted small"><c:out value="${e.reason}"/></span></td>
                  <td><c:out value="${e.actor}"/></td>
                  <td class="num mono ${e.credit ? 'pos' : 'neg'}"><c:out value="${e.amount}"/></td>
                </tr>
              </c:forEach>
              </tbody>
            </table>
          </div>
        </c:otherwise>
      </c:choose>
    </article>
    <article class="card">
      <h2 class="card-title">Audit trail</h2>
      <c:choose>
        <c:when test="${empty view.audit}"><div class="empty">No admin actions on this user.</div></c:when>
        <c:otherwise>
          <ul class="timeline" data-testid="audit">
            <c:forEach var="a" items="${view.audit}">
              <li><span class="muted small"><c:out value="${a.time}"/> &middot; <c:out value="${a.actor}"/></span><br>
                <strong><c:out value="${a.action}"/></strong><span class="small gap-left"><c:out value="${a.details}"/></span></li>
            </c:forEach>
          </ul>
        </c:otherwise>
      </c:choose>
    </article>
  </section>
</t:layout>
