<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" description="A transaction's amount cell: what it moved on the balance, and what a deposit asked for while they differ" %>
<%@ attribute name="tx" required="true" type="com.arbdesk.web.pages.TransactionView" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- EL only, no classic tags: a tag file that uses one builds a handler pool on every call, and this one runs per row --%>
<td class="num mono tx-amount ${tx.tone}" data-testid="tx-amount">${fn:escapeXml(tx.amount)}${empty tx.requested ? '' : '<span class="tx-requested">' += fn:escapeXml(tx.requested) += '</span>'}</td>
