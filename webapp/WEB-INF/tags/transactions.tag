<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" description="The dashboard's recent transactions card: the one renderer of its rows, for the page and for its live refresh" %>
<%@ attribute name="transactions" required="true" type="java.util.List" %>
<%@ attribute name="total" required="true" type="java.lang.Long" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
  <section class="card" data-live-transactions>
    <div class="card-head">
      <h2 class="card-title">Recent transactions</h2>
      <span class="muted small" data-live-transactions-count><c:out value="${total}"/> in total</span>
    </div>
    <div data-live-transactions-body>
    <c:choose>
      <c:when test="${empty transactions}">
        <div class="empty" data-testid="no-transactions">
          <p>No transactions yet.</p>
          <p class="muted small">Deposits and balance changes will show up here.</p>
        </div>
      </c:when>
      <c:otherwise>
        <div class="table-wrap">
          <table class="table" data-testid="transactions">
            <thead><tr><th>Date</th><th>Type</th><th>Description</th><th>Status</th><th class="num">Amount</th></tr></thead>
            <tbody>
            <c:forEach var="tx" items="${transactions}">
              <tr>
                <td class="nowrap muted"><c:out value="${tx.time}"/></td>
                <td><c:out value="${tx.type}"/></td>
                <td><c:out value="${tx.description}"/><c:if test="${not empty tx.txUrl}"> <a class="tx-link mono small"
                  href="<c:out value='${tx.txUrl}'/>" target="_blank" rel="noopener noreferrer" data-testid="tx-link"
                  title="The payer's transaction on a block explorer">tx <c:out value="${tx.txHash}"/></a></c:if></td>
                <td><t:status value="${tx.status}"/></td>
                <t:txamount tx="${tx}"/>
              </tr>
            </c:forEach>
            </tbody>
          </table>
        </div>
      </c:otherwise>
    </c:choose>
    </div>
  </section>
