<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Log in: code" active="login">
  <section class="auth-card card">
    <h1>Enter your code</h1>
    <p class="muted">Open your authenticator app and enter the 6&#8209;digit code for ArbDesk. Lost your phone? Enter one of your recovery codes instead.</p>
    <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
    <form method="post" action="${pageContext.request.contextPath}/login/second-factor" class="form" novalidate>
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <input type="hidden" name="next" value="<c:out value='${view.next}'/>">
      <label for="code">Code</label>
      <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus
             maxlength="16" class="code-input" data-testid="code">
      <button type="submit" class="btn btn-primary btn-block">Log in</button>
    </form>
    <p class="muted center"><a href="${pageContext.request.contextPath}/login">Start again</a></p>
  </section>
</t:layout>
