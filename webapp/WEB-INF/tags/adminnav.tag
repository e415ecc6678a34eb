<%@ tag description="The back office sub-navigation: users, deposits, exceptions, IPN log" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="active" required="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<nav class="tabs subnav" aria-label="Back office" data-testid="admin-nav">
  <a href="<c:out value='${base}'/>/admin" class="tab ${active == 'users' ? 'active' : ''}"<c:if test="${active == 'users'}"> aria-current="page"</c:if>>Users</a>
  <a href="<c:out value='${base}'/>/admin/deposits" class="tab ${active == 'deposits' ? 'active' : ''}"<c:if test="${active == 'deposits'}"> aria-current="page"</c:if>>Deposits</a>
  <a href="<c:out value='${base}'/>/admin/deposits?flagged=on" class="tab ${active == 'exceptions' ? 'active' : ''}"<c:if test="${active == 'exceptions'}"> aria-current="page"</c:if>>Exceptions</a>
  <a href="<c:out value='${base}'/>/admin/ipn" class="tab ${active == 'ipn' ? 'active' : ''}"<c:if test="${active == 'ipn'}"> aria-current="page"</c:if>>IPN log</a>
</nav>
