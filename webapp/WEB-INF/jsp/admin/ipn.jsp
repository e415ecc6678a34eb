<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<t:layout title="IPN log" active="admin">
  <t:adminnav active="ipn"/>
  <div class="page-head">
    <h1>IPN log</h1>
  </div>
  <c:if test="${not empty view.notice}">
    <div class="alert alert-<c:out value='${view.noticeTone}'/>" data-testid="notice"><c:out value="${view.notice}"/></div>
  </c:if>
  <p class="muted small page-note">Every IPN as received, stored before it is acted on. Replaying one runs it through the same checks
    again; applying is idempotent, so a replay never credits twice.</p>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Received IPNs</h2>
      <form method="get" action="${base}/admin/ipn" class="filters" data-testid="ipn-filters">
        <select name="verdict" class="select" aria-label="Verdict">
          <option value="">Any verdict</option>
          <c:forEach var="v" items="${view.verdicts}">
            <option value="<c:out value='${v}'/>"<c:if test="${v == view.verdict}"> selected</c:if>><c:out value="${v}"/></option>
          </c:forEach>
        </select>
        <button type="submit" class="btn btn-sm">Filter</button>
      </form>
    </div>
    <c:choose>
      <c:when test="${empty view.ipns}">
        <div class="empty" data-testid="no-ipns"><c:out value="${empty view.verdict ? 'No IPNs yet.' : 'No IPNs with verdict ' += view.verdict += '.'}"/></div>
      </c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="ipns">
            <thead><tr><th>Received</th><th>IPN</th><th>Payment</th><th>Provider status</th><th>Verdict</th><th>Detail</th>
              <th>Deposit</th><th>From</th><th></th></tr></thead>
            <tbody>
            <c:forEach var="i" items="${view.ipns}">
              <tr data-ipn-id="<c:out value='${i.id}'/>">
                <td class="nowrap muted small"><c:out value="${i.time}"/></td>
                <td class="muted">#<c:out value="${i.id}"/></td>
                <td class="mono small"><c:out value="${i.paymentId}"/></td>
                <td><c:out value="${i.providerStatus}"/></td>
                <td><span class="badge status-<c:out value='${i.tone}'/>"><c:out value="${i.verdict}"/></span></td>
                <td class="small detail-cell"><c:out value="${i.detail}"/>
                  <details><summary>Raw body</summary><pre class="mono raw"><c:out value="${i.body}"/></pre></details></td>
                <td><c:choose>
                  <c:when test="${not empty i.depositId}"><a href="${base}/admin/deposits/${i.depositId}">#<c:out value="${i.depositId}"/></a></c:when>
                  <c:otherwise><span class="muted">&mdash;</span></c:otherwise></c:choose></td>
                <td class="mono small"><c:out value="${i.remote}"/></td>
                <td class="num"><t:replay ipn="${i.id}"/></td>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
    <c:if test="${not empty view.newerHref or not empty view.olderHref}">
      <div class="pager">
        <c:if test="${not empty view.newerHref}"><a href="${base}<c:out value='${view.newerHref}'/>">&larr; Newer</a></c:if>
        <c:if test="${not empty view.olderHref}"><a class="pager-next" href="${base}<c:out value='${view.olderHref}'/>">Older &rarr;</a></c:if>
      </div>
    </c:if>
  </section>
</t:layout>
