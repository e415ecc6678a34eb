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
