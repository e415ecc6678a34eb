<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="action" value="${pageContext.request.contextPath}/sandbox/nowpayments/payment/"/>
<t:layout title="Pay invoice ${view.id}" bare="true">
  <section class="card invoice-card">
    <p class="muted small">NOWPayments sandbox &middot; invoice #<c:out value="${view.id}"/></p>
    <h1><c:out value="${view.price}"/></h1>
    <p class="muted"><c:out value="${view.description}"/></p>
    <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert"><c:out value="${view.error}"/></div></c:if>
    <c:choose>
      <c:when test="${not view.hasPayment}">
        <form method="post" action="${action}" class="form">
          <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
          <input type="hidden" name="iid" value="<c:out value='${view.id}'/>">
          <label for="coin">Pay with</label>
          <select id="coin" name="coin" class="select">
            <c:forEach var="coin" items="${view.coins}">
              <option value="<c:out value='${coin.ticker}'/>"><c:out value="${coin.name}"/> &middot; <c:out value="${coin.network}"/></option>
            </c:forEach>
          </select>
          <button type="submit" class="btn btn-primary btn-block" data-testid="choose-coin">Continue</button>
        </form>
      </c:when>
      <c:otherwise>
        <div class="pay-box" data-payment-id="<c:out value='${view.paymentId}'/>">
          <img class="qr" src="<c:out value='${view.qr}'/>" alt="QR code of the deposit address" width="176" height="176">
          <div class="pay-lines">
            <p class="small muted">Send exactly</p>
            <p class="mono big" data-testid="invoice-amount"><c:out value="${view.amount} ${view.coin}"/></p>
            <p class="small muted">on the <strong><c:out value="${view.network}"/></strong> network to</p>
            <p class="mono address" data-testid="invoice-address"><c:out value="${view.address}"/></p>
            <p>Status: <t:status value="${view.status}"/></p>
          </div>
        </div>
        <c:if test="${view.status == 'waiting'}">
          <form method="post" action="${action}" class="form">
            <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
            <input type="hidden" name="iid" value="<c:out value='${view.id}'/>">
            <input type="hidden" name="payment" value="<c:out value='${view.paymentId}'/>">
            <button type="submit" class="btn btn-primary btn-block" data-testid="simulate-payment">Simulate payment</button>
          </form>
        </c:if>
        <p class="muted small">This page refreshes itself while the payment confirms.</p>
      </c:otherwise>
    </c:choose>
  </section>
  <script src="${asset['js/sandbox.js']}"></script>
</t:layout>
