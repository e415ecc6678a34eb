<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" description="A transaction's amount cell: what it moved on the balance, and what a deposit asked for while they differ" %>
<%@ attribute name="tx" required="true" type="com.arbdesk.web.pages.TransactionView" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<td class="num mono tx-amount ${tx.tone}" data-testid="tx-amount"><c:out value="${tx.amount}"/><c:if test="${not empty tx.requested}"><span class="tx-requested"><c:out value="${tx.requested}"/></span></c:if></td>
