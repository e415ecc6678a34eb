// ArbDesk page behaviour shared by every page. No inline scripts: the CSP allows only same-origin files.
(function () {
  'use strict';

  var base = document.body.getAttribute('data-base') || '';

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

  // Copy buttons: [data-copy=X] copies the text of [data-testid=X]. The label says "Copied" for a moment,
  // and goes back to "Copy" at once when the text changes (a new address must not look copied already).
  document.querySelectorAll('[data-copy]').forEach(function (btn) {
    var node = document.querySelector('[data-testid=' + btn.getAttribute('data-copy') + ']');
    if (!node) { return; }
    var timer = null;
    function reset() { clearTimeout(timer); btn.textContent = 'Copy'; }
    new MutationObserver(reset).observe(node, { childList: true, characterData: true, subtree: true });
    function done(ok) {
      btn.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      clearTimeout(timer);
      timer = setTimeout(reset, 1800);
    }
    function selectAndCopy() { // the fallback: the text is selected, copied by the old command or by the user
      window.getSelection().selectAllChildren(node);
      try { return document.execCommand('copy'); } catch (e) { return false; }
    }
    btn.addEventListener('click', function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(node.textContent).then(function () { done(true); }, function () { done(selectAndCopy()); });
      } else {
        done(selectAndCopy());
      }
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
