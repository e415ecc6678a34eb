// ArbDesk page behaviour shared by every page. No inline scripts: the CSP allows only same-origin files.
(function () {
  'use strict';

  var base = document.body.getAttribute('data-base') || '';

  // A session that ends while a page is open (expired, revoked, logged out elsewhere): any API call that
  // answers 401 sends the user to the login page, which brings them back here afterwards.
  function toLogin() {
    var here = window.location.pathname.slice(base.length) + window.location.search;
    window.location.assign(base + '/login?next=' + encodeURIComponent(here || '/'));
  }
  var plainFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    return plainFetch(input, init).then(function (r) {
      var url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
      if (r.status === 401 && url.origin === window.location.origin && url.pathname.indexOf(base + '/api/') === 0
          && url.pathname.indexOf(base + '/api/auth/') !== 0 && document.body.hasAttribute('data-user')) {
        toLogin();
      }
      return r;
    });
  };
  window.ArbDeskPage = { toLogin: toLogin };

  // The welcome banner shows once: the flag leaves the address bar, so a reload or a bookmark does not repeat it.
  var params = new URLSearchParams(window.location.search);
  if (params.has('welcome')) {
    params.delete('welcome');
    var rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
  }

  // On a phone, tables turn into stacked cards (CSS); each cell carries its column's name to label itself.
  function labelTables() {
    document.querySelectorAll('table.table').forEach(function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.cells, function (td, i) {
          if (names[i] && td.getAttribute('data-label') !== names[i] && td.colSpan === 1) { td.setAttribute('data-label', names[i]); }
        });
      });
    });
  }
  labelTables();
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; labelTables(); });
  }).observe(document.body, { childList: true, subtree: true });

  document.querySelectorAll('[data-open-dialog]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var dialog = document.getElementById(btn.getAttribute('data-open-dialog'));
      if (dialog && typeof dialog.showModal === 'function') {
        dialog.showModal();
      }
    });
  });

  // Buttons that POST to the API (cookie session + the XSRF token from the page) and then reload.
  var csrf = document.body.getAttribute('data-csrf') || '';
  document.querySelectorAll('[data-post-api]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      btn.disabled = true;
      fetch(base + btn.getAttribute('data-post-api'), { method: 'POST', headers: { 'X-CSRF-Token': csrf } })
        .then(function () { window.location.reload(); });
    });
  });

  document.querySelectorAll('dialog').forEach(function (dialog) {
    dialog.querySelectorAll('[data-close-dialog]').forEach(function (btn) {
      btn.addEventListener('click', function () { dialog.close(); });
    });
    dialog.addEventListener('click', function (e) {
      if (e.target === dialog) { dialog.close(); }
    });
    dialog.querySelectorAll('[role=tab]').forEach(function (tab) {
      tab.addEventListener('click', function () {
        dialog.querySelectorAll('[role=tab]').forEach(function (t) {
          t.classList.toggle('active', t === tab);
          t.setAttribute('aria-selected', t === tab ? 'true' : 'false');
        });
      });
    });
  });
})();
