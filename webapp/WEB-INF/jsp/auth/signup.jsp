<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Sign up" active="signup">
  <section class="auth-card card">
    <h1>Create your account</h1>
    <p class="muted">Deposit crypto, hold USD, and watch arbitrage across exchanges.</p>
    <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
    <form method="post" action="${pageContext.request.contextPath}/signup" class="form" novalidate>
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="email" required value="<c:out value='${view.email}'/>">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required
             aria-describedby="password-rule">
      <small id="password-rule" class="muted"><c:out value="${view.passwordRule}"/></small>
      <label for="confirm">Repeat password</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
      <button type="submit" class="btn btn-primary btn-block">Create account</button>
    </form>
    <p class="muted center">Already registered? <a href="${pageContext.request.contextPath}/login">Log in</a></p>
  </section>
</t:layout>
