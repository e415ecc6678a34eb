<%@ tag description="The Replay button of one stored IPN (a CSRF-protected form POST)" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="ipn" required="true" %>
<%@ attribute name="back" required="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<form method="post" action="<c:out value='${pageContext.request.contextPath}/admin/ipn/${ipn}/replay'/>" class="inline">
  <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
  <c:if test="${not empty back}"><input type="hidden" name="back" value="<c:out value='${back}'/>"></c:if>
  <button type="submit" class="btn btn-sm" data-testid="replay" title="Run this IPN again; applying is idempotent">Replay</button>
</form>
