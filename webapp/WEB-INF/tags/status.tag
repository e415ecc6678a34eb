<%@ tag description="A transaction or deposit status as a coloured badge" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="value" required="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<span class="badge badge-status status-<c:out value='${value}'/>"><c:out value="${value}"/></span>
