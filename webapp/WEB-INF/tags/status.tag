<%@ tag description="A transaction or deposit status as a coloured badge" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="value" required="true" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- EL only, no classic tags: a tag file that uses one builds a handler pool on every call, and this one runs per row --%>
<span class="badge badge-status status-${fn:escapeXml(value)}">${fn:escapeXml(value)}</span>
