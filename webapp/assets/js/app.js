// ArbDesk page behaviour shared by every page. No inline scripts: the CSP allows only same-origin files.
(function () {
  'use strict';

  document.querySelectorAll('[data-open-dialog]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var dialog = document.getElementById(btn.getAttribute('data-open-dialog'));
      if (dialog && typeof dialog.showModal === 'function') {
        dialog.showModal();
      }
    });
  });

  // Buttons that POST to the API (cookie session + the XSRF token from the page) and then reload.
  var base = document.body.getAttribute('data-base') || '';
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
