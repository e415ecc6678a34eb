<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="base" value="${pageContext.request.contextPath}"/>
<t:layout title="Account" active="account">
  <div class="page-head">
    <h1>Account</h1>
    <span class="muted"><c:out value="${view.email}"/></span>
  </div>
  <c:if test="${not empty view.notice}"><div class="alert alert-success" data-testid="notice"><c:out value="${view.notice}"/></div></c:if>

  <section class="card">
    <h2 class="card-title">Change password</h2>
    <c:if test="${not empty view.error}"><div class="alert alert-error" role="alert" data-testid="form-error"><c:out value="${view.error}"/></div></c:if>
    <form method="post" action="${base}/account/password" class="form" novalidate>
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <label for="current_password">Current password</label>
      <input id="current_password" name="current_password" type="password" autocomplete="current-password" required>
      <label for="new_password">New password</label>
      <input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="10" required
             aria-describedby="password-rule">
      <small id="password-rule" class="muted"><c:out value="${view.passwordRule}"/></small>
      <label for="confirm">Repeat new password</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
      <button type="submit" class="btn btn-primary">Change password</button>
    </form>
    <p class="muted small">Changing the password logs out every other device; this one stays logged in.</p>
  </section>

  <section class="card" data-testid="second-factor">
    <h2 class="card-title">Two-step login</h2>
    <c:if test="${view.secondFactorDue}"><div class="alert alert-error" role="alert" data-testid="second-factor-due">The back office needs two-step login in production: set it up below.</div></c:if>
    <c:if test="${not empty view.secondFactorError}"><div class="alert alert-error" role="alert" data-testid="second-factor-error"><c:out value="${view.secondFactorError}"/></div></c:if>
    <c:choose>
      <c:when test="${view.secondFactor.enrolled}">
        <p><span class="badge badge-success" data-testid="second-factor-on">On</span> Logging in asks for a code from your authenticator app.
          <span class="muted"><c:out value="${view.secondFactor.recoveryCodesLeft}"/> recovery codes left.</span></p>
        <form method="post" action="${base}/account/second-factor/disable" class="form">
          <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
          <label for="disable-code">Code from your app (or a recovery code)</label>
          <input id="disable-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="16" required class="code-input">
          <button type="submit" class="btn btn-ghost">Turn off two-step login</button>
        </form>
      </c:when>
      <c:otherwise>
        <p>Protect your account with a code from an authenticator app on your phone, asked for after the password.</p>
        <form method="post" action="${base}/account/second-factor" class="form">
          <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
          <button type="submit" class="btn ${view.secondFactor.pending ? 'btn-ghost' : 'btn-primary'}" data-testid="second-factor-start"><c:out value="${view.secondFactor.pending ? 'Start again with a new key' : 'Set up two-step login'}"/></button>
          <c:if test="${view.secondFactor.pending}"><a href="${base}/account/second-factor" class="btn btn-primary" data-testid="second-factor-continue">Continue setting up</a></c:if>
        </form>
      </c:otherwise>
    </c:choose>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Where you are logged in</h2></div>
    <div class="table-wrap">
      <table class="table" data-testid="sessions">
        <thead><tr><th>Device</th><th>Address</th><th>Since</th><th>Until</th></tr></thead>
        <tbody>
        <c:forEach var="s" items="${view.sessions}">
          <tr>
            <td><c:out value="${s.userAgent}"/><c:if test="${s.current}"> <span class="badge badge-muted">this device</span></c:if></td>
            <td class="mono"><c:out value="${s.address}"/></td>
            <td class="nowrap muted"><c:out value="${s.started}"/></td>
            <td class="nowrap muted"><c:out value="${s.expires}"/></td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
    </div>
    <form method="post" action="${base}/account/logout-everywhere" class="form">
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <button type="submit" class="btn btn-ghost" data-testid="logout-everywhere">Log out everywhere</button>
    </form>
    <p class="muted small">Ends every session, this one included: copies of your login on other devices stop working at once.</p>
  </section>
</t:layout>
