<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="Log out">
  <section class="auth-card card">
    <h1>Log out?</h1>
    <form method="post" action="${pageContext.request.contextPath}/logout" class="form">
      <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
      <button type="submit" class="btn btn-primary btn-block">Log out</button>
    </form>
  </section>
</t:layout>
