<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:layout title="${view.title}">
  <section class="auth-card card center">
    <p class="error-code"><c:out value="${view.status}"/></p>
    <h1><c:out value="${view.title}"/></h1>
    <p class="muted"><c:out value="${view.message}"/></p>
    <a class="btn btn-primary" href="${pageContext.request.contextPath}/">Go to the start page</a>
  </section>
</t:layout>
