// The back office's deposits table, live: new deposits appear at the top, status changes update in
// place with a brief highlight, and a counter shows the deposits created in the last 10 minutes.
// All values go in with textContent.
(function () {
  'use strict';
  var table = document.querySelector('[data-live-deposits]');
  var counter = document.querySelector('[data-live-counter]');
  if (!table) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var tbody = table.querySelector('tbody');
  var created = [];
  tbody.querySelectorAll('tr[data-created]').forEach(function (r) { created.push(Date.parse(r.getAttribute('data-created'))); });

  function usd(plain) {
    return window.ArbDeskLive ? window.ArbDeskLive.formatUsd(plain) : '$' + plain;
  }

  function cell(text, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (text !== null) { td.textContent = text; }
    return td;
  }

  function badge(status) {
    var b = document.createElement('span');
    b.className = 'badge badge-status status-' + status;
    b.textContent = status;
    return b;
  }

  function flags(list) {
    var span = document.createElement('span');
    span.className = 'flags';
    (list ? list.split(',') : []).filter(Boolean).forEach(function (f) {
      var b = document.createElement('span');
      b.className = 'badge badge-flag';
      b.textContent = f;
      span.appendChild(b);
    });
    return span;
  }

  function newRow(u, t) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-deposit-id', t.transaction_id);
    var id = cell(null);
    var a = document.createElement('a');
    a.href = base + '/admin/deposits/' + t.transaction_id;
    a.textContent = '#' + t.transaction_id;
    id.appendChild(a);
    tr.appendChild(id);
    var user = cell(null, 'cell-user');
    var ua = document.createElement('a');
    ua.href = base + '/admin/users/' + u.user_id;
    ua.textContent = u.email;
    user.appendChild(ua);
    tr.appendChild(user);
    tr.appendChild(cell(usd(t.amount_usd), 'num mono'));
    tr.appendChild(cell(usd(t.credited_usd), 'num mono'));
    tr.appendChild(cell(t.currency + ' · ' + t.network, 'nowrap'));
    tr.appendChild(cell('', 'num mono small'));
    var st = cell(null);
    st.appendChild(badge(t.status));
    tr.appendChild(st);
    var fl = cell(null);
    fl.appendChild(flags(t.flags));
    tr.appendChild(fl);
    tr.appendChild(cell('just now', 'muted small'));
    tr.appendChild(cell('just now', 'muted small'));
    return tr;
  }

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

  document.addEventListener('arbdesk:admin_deposits_stream', function (e) {
    var u = e.detail.user;
    var t = e.detail.transaction;
    var row = tbody.querySelector('tr[data-deposit-id="' + t.transaction_id + '"]');
    if (row) {
      var cells = row.children;
      cells[3].textContent = usd(t.credited_usd);
      cells[6].textContent = '';
      cells[6].appendChild(badge(t.status));
      cells[7].textContent = '';
      cells[7].appendChild(flags(t.flags));
      cells[9].textContent = 'just now';
      flash(row);
    } else if (table.getAttribute('data-live-insert') === 'true'
        || (t.flags || t.status === 'partially_paid') && table.hasAttribute('data-live-exceptions')) {
      var empty = tbody.querySelector('.empty-row');
      if (empty) { empty.remove(); }
      row = newRow(u, t);
      tbody.insertBefore(row, tbody.firstChild);
      flash(row);
    }
    if (t.created) {
      created.push(Date.now());
    }
    updateCounter();
  });
  updateCounter();
  setInterval(updateCounter, 30000);
})();
