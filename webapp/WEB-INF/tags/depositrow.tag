<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" description="One row of the back office deposits table: the one renderer of it, for the page and for its live refresh" %>
<%@ attribute name="d" required="true" type="com.arbdesk.web.pages.DepositViews.DepositRow" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<tr data-deposit-id="<c:out value='${d.id}'/>" data-created="<c:out value='${d.createdIso}'/>">
  <td><a href="<c:out value='${base}/admin/deposits/${d.id}'/>">#<c:out value="${d.id}"/></a></td>
  <td class="cell-user"><a href="<c:out value='${base}/admin/users/${d.userId}'/>"><c:out value="${d.user}"/></a><span class="muted small gap-left">#<c:out value="${d.userId}"/></span></td>
  <td class="num mono"><c:out value="${d.amount}"/></td>
  <td class="num mono"><c:out value="${d.credited}"/></td>
  <td class="nowrap"><c:out value="${d.coin}"/><br><span class="muted small"><c:out value="${d.network}"/></span></td>
  <td class="num mono small"><c:out value="${d.payAmount}"/></td>
  <td><t:status value="${d.status}"/></td>
  <td><span class="flags"><c:forEach var="f" items="${d.flags}"><span class="badge badge-flag"><c:out value="${f}"/></span></c:forEach></span></td>
  <td class="muted small"><c:out value="${d.created}"/></td>
  <td class="muted small"><c:out value="${d.updated}"/></td>
</tr>
