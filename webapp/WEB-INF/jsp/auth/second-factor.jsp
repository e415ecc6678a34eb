<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<t:layout title="Set up two-step login" active="account">
  <div class="page-head">
    <h1>Set up two-step login</h1>
    <a href="${base}/account" class="muted">Back to Account</a>
  </div>
  <section class="card enrol">
    <ol class="enrol-steps">
      <li>
        <h2 class="card-title">Scan this code with your authenticator app</h2>
        <p class="muted small">Any TOTP app works: Google Authenticator, Microsoft Authenticator, 1Password, Aegis, FreeOTP.</p>
        <img class="enrol-qr" src="<c:out value='${view.qrDataUri}'/>" alt="QR code of your ArbDesk second factor" width="220" height="220" data-testid="totp-qr">
        <p class="muted small">Cannot scan? Type this key into the app (time-based, 6 digits, 30 seconds):</p>
        <p class="mono enrol-secret" data-testid="totp-secret" data-secret="<c:out value='${view.secret}'/>"><c:out value="${view.secretGrouped}"/></p>
      </li>
      <li>
        <h2 class="card-title">Enter the code the app shows</h2>
        <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
        <form method="post" action="${base}/account/second-factor/confirm" class="form" novalidate>
          <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
          <label for="code">6-digit code</label>
          <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required
                 class="code-input" data-testid="code">
          <button type="submit" class="btn btn-primary">Turn on two-step login</button>
        </form>
      </li>
    </ol>
  </section>
</t:layout>
