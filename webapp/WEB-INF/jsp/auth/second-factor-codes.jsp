<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Recovery codes" active="account">
  <div class="page-head"><h1>Two-step login is on</h1></div>
  <section class="card">
    <div class="alert alert-success" data-testid="notice">From now on, logging in asks for a code from your app after the password.</div>
    <h2 class="card-title">Your recovery codes</h2>
    <p>Each code logs you in once if you lose your phone. Keep them somewhere safe, such as a password manager. <strong>They are shown only now.</strong></p>
    <ul class="recovery-codes mono" data-testid="recovery-codes">
      <c:forEach var="code" items="${view.codes}"><li><c:out value="${code}"/></li></c:forEach>
    </ul>
    <a href="${pageContext.request.contextPath}/account" class="btn btn-primary">I have saved them</a>
  </section>
</t:layout>
