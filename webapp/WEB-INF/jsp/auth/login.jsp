<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Log in" active="login">
  <section class="auth-card card">
    <h1>Log in</h1>
    <p class="muted">Welcome back to your desk.</p>
    <c:if test="${param.loggedOut == '1'}"><div class="alert alert-info">You are logged out.</div></c:if>
    <c:if test="${param.loggedOut == 'everywhere'}"><div class="alert alert-info">You are logged out on every device.</div></c:if>
    <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
    <form method="post" action="${pageContext.request.contextPath}/login" class="form" novalidate>
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <input type="hidden" name="next" value="<c:out value='${view.next}'/>">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="<c:out value='${view.email}'/>">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit" class="btn btn-primary btn-block">Log in</button>
    </form>
    <p class="muted center">New here? <a href="${pageContext.request.contextPath}/signup">Create an account</a></p>
    <c:if test="${view.demo}">
      <div class="demo-hint">
        <strong>Demo mode.</strong> Try <code><c:out value="${view.demoUser}"/></code> /
        <code><c:out value="${view.demoPassword}"/></code>, or the admin login printed at start-up.
      </div>
    </c:if>
  </section>
</t:layout>
