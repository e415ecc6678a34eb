<%@ tag description="The one page layout: head, top bar with the signed-in user, content, scripts" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="title" required="true" %>
<%@ attribute name="active" required="false" %>
<%@ attribute name="bare" required="false" type="java.lang.Boolean" description="no ArbDesk header, footer or live updates (the sandbox's stand-in for the provider's page)" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- ${htmlBase} and ${asset[...]} are escaped once at start (AssetVersion); ids, seqs and the CSRF token are digits, hex and base64url --%>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><c:out value="${title}"/> &middot; ArbDesk</title>
  <link rel="icon" href="${asset['img/logo.svg']}" type="image/svg+xml">
  <link rel="stylesheet" href="${asset['css/app.css']}">
  <link rel="stylesheet" href="${asset['css/admin.css']}">
  <link rel="stylesheet" href="${asset['css/deposit.css']}">
  <script src="${asset['js/session.js']}"></script>
  <script src="${asset['js/format.js']}"></script>
</head>
<body data-base="${htmlBase}" data-csrf="${csrfToken}"<c:if test="${not empty currentUser}"> data-user="${currentUser.id}" data-live-seq="${liveSeq}"</c:if>>
<c:if test="${not bare}">
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="${htmlBase}/">
      <img src="${asset['img/logo.svg']}" alt="" width="28" height="28">
      <span>ArbDesk</span>
    </a>
    <c:choose>
      <c:when test="${not empty currentUser}">
        <nav class="nav" aria-label="Main">
          <a href="${htmlBase}/dashboard" class="${active == 'dashboard' ? 'active' : ''}">Dashboard</a>
          <a href="${htmlBase}/alerts" class="${active == 'alerts' ? 'active' : ''}" data-testid="nav-alerts"><svg class="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg><span class="nav-label">Alerts</span><span class="nav-badge" data-alerts-badge data-testid="alerts-badge" aria-label="unread alerts"${alertsUnread > 0 ? '' : ' hidden'}><c:out value="${alertsUnread}"/></span></a>
          <c:if test="${currentUser.admin}">
            <a href="${htmlBase}/admin" class="${active == 'admin' ? 'active' : ''}" title="Back office"><svg class="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M3 8h18v12H3zM8 8V5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v3M3 13h18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg><span class="nav-label">Back office</span></a>
          </c:if>
          <c:if test="${sandboxEnabled}">
            <a href="${htmlBase}/sandbox/nowpayments/" class="${active == 'sandbox' ? 'active' : ''}" title="Sandbox"><svg class="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M9 3h6M10 3v6L5 18a2 2 0 0 0 1.7 3h10.6a2 2 0 0 0 1.7-3l-5-9V3M7.5 14h9" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg><span class="nav-label">Sandbox</span></a>
          </c:if>
        </nav>
        <div class="who">
          <span class="live" data-live-indicator data-state="connecting" title="Connecting&hellip;" data-testid="live-indicator"><span class="live-dot"></span><span class="live-label">Connecting&hellip;</span></span>
          <span class="who-email" data-testid="current-user"><c:out value="${currentUser.email}"/></span>
          <a href="${htmlBase}/account" class="btn btn-ghost btn-sm ${active == 'account' ? 'active' : ''}" data-testid="account">Account</a>
          <c:if test="${currentUser.admin}"><span class="badge badge-admin">admin</span></c:if>
          <form method="post" action="${htmlBase}/logout" class="inline">
            <input type="hidden" name="_csrf" value="${csrfToken}">
            <button type="submit" class="btn btn-ghost btn-sm" data-testid="logout">Log out</button>
          </form>
        </div>
      </c:when>
      <c:otherwise>
        <nav class="nav nav-right" aria-label="Account">
          <a href="${htmlBase}/login" class="${active == 'login' ? 'active' : ''}">Log in</a>
          <a href="${htmlBase}/signup" class="btn btn-primary btn-sm">Sign up</a>
        </nav>
      </c:otherwise>
    </c:choose>
  </div>
</header>
</c:if>
<main class="container${bare ? ' container-bare' : ''}">
  <jsp:doBody/>
</main>
<c:if test="${not bare}"><footer class="footer">ArbDesk &middot; self-hosted crypto deposit &amp; arbitrage desk</footer></c:if>
<script src="${asset['js/app.js']}"></script>
<c:if test="${not empty currentUser and not bare}"><script src="${asset['js/live.js']}"></script></c:if>
</body>
</html>
