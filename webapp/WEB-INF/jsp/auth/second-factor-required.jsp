<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Second factor needed" active="admin">
  <section class="card">
    <h1>Enrol a second factor first</h1>
    <div class="alert alert-error" role="alert" data-testid="second-factor-required">
      Administrators can move money, so in production the back office needs two-step login.
    </div>
    <p>Set it up on your Account page with an authenticator app; it takes a minute. The back office opens as soon as it is on.</p>
    <a href="${pageContext.request.contextPath}/account" class="btn btn-primary" data-testid="go-account">Set up two-step login</a>
  </section>
</t:layout>
