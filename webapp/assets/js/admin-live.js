// The back office's deposits table, live: new deposits appear at the top, status changes update in
// place with a brief highlight, and a counter shows the deposits created in the last 10 minutes.
// Rows come from the server (GET /admin/deposits/row, the same tag as the page), so no second copy of a
// row's markup lives here; the fragment's text is escaped server-side.
(function () {
  'use strict';
  var table = document.querySelector('[data-live-deposits]');
  var counter = document.querySelector('[data-live-counter]');
  if (!table) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var tbody = table.querySelector('tbody');
  var created = [];
  var asked = {}; // the latest request per deposit id: an older answer arriving late is dropped
  tbody.querySelectorAll('tr[data-created]').forEach(function (r) { created.push(Date.parse(r.getAttribute('data-created'))); });

  function flash(el) {
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  }

  function updateCounter() {
    if (!counter) { return; }
    var since = Date.now() - 10 * 60 * 1000;
    created = created.filter(function (t) { return t >= since; });
    counter.textContent = created.length + ' new in the last 10 minutes';
  }

  function rowOf(id) {
    return tbody.querySelector('tr[data-deposit-id="' + id + '"]');
  }

  // A deposit not on the page yet is shown on the full list, and on the exceptions view when it is one.
  function belongs(t) {
    return table.getAttribute('data-live-insert') === 'true'
      || (t.flags || t.status === 'partially_paid') && table.hasAttribute('data-live-exceptions');
  }

  function refresh(t) {
    var id = String(t.transaction_id);
    var mine = (asked[id] || 0) + 1;
    asked[id] = mine;
    fetch(base + '/admin/deposits/row?id=' + encodeURIComponent(id),
      { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
      .then(function (html) {
        if (asked[id] !== mine) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('tr[data-deposit-id]');
        if (!fresh) { return; }
        fresh = document.importNode(fresh, true);
        var row = rowOf(id);
        if (row) {
          row.replaceWith(fresh);
        } else {
          var empty = tbody.querySelector('.empty-row');
          if (empty) { empty.remove(); }
          tbody.insertBefore(fresh, tbody.firstChild);
        }
        flash(fresh);
      }, function () { /* shown on the next page load */ });
  }

  document.addEventListener('arbdesk:admin_deposits_stream', function (e) {
    var t = e.detail.transaction;
    if (rowOf(t.transaction_id) || belongs(t)) { refresh(t); }
    if (t.created) {
      created.push(Date.now());
    }
    updateCounter();
  });
  updateCounter();
  setInterval(updateCounter, 30000);
})();
