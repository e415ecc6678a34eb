// The sandbox control panel and hosted invoice page. All text goes in with textContent.
(function () {
  'use strict';
  var base = document.body.getAttribute('data-base') || '';
  var api = base + '/sandbox/nowpayments/control';

  function post(path, body) {
    return fetch(api + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.message || ('HTTP ' + r.status)); }
        return j;
      });
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  var ACTIONS = {
    waiting: [['pay', 'Pay in full'], ['pay_part', 'Pay part'], ['overpay', 'Overpay'], ['pay_late', 'Pay late'],
      ['pay_after_expiry', 'Pay after expiry (no IPN)'], ['finish_unpaid', 'Finish with 0 paid'], ['fail', 'Fail'],
      ['expire', 'Expire']],
    failed: [['pay_after_failure', 'Pay after failure']],
    expired: [['pay_late', 'Pay late'], ['pay_after_expiry', 'Pay after expiry (no IPN)']],
    confirming: [['fail', 'Fail']], confirmed: [['fail', 'Fail']], sending: [['fail', 'Fail']],
    finished: [['refund', 'Refund'], ['redeposit', 'Re-deposit'], ['redeposit_lost', 'Re-deposit (IPN lost)']],
    partially_paid: [['refund', 'Refund'], ['cancel', 'Cancel (merchant)'], ['redeposit', 'Re-deposit'],
      ['redeposit_lost', 'Re-deposit (IPN lost)']]
  };

  function renderPayments(state) {
    var rows = document.getElementById('sandbox-rows');
    rows.textContent = '';
    if (!state.payments.length) {
      var tr = el('tr'); var td = el('td', 'No payments yet.', 'empty'); td.colSpan = 8; tr.appendChild(td); rows.appendChild(tr);
    }
    state.payments.forEach(function (p) {
      var tr = el('tr');
      tr.setAttribute('data-payment-id', p.payment_id);
      var idCell = el('td'); idCell.appendChild(el('span', '#' + p.payment_id, 'mono'));
      if (p.parent_payment_id) { idCell.appendChild(el('div', 're-deposit of #' + p.parent_payment_id, 'muted small')); }
      tr.appendChild(idCell);
      tr.appendChild(el('td', p.order_id || '—'));
      tr.appendChild(el('td', p.pay_currency.toUpperCase()));
      tr.appendChild(el('td', p.pay_amount, 'num mono'));
      tr.appendChild(el('td', p.actually_paid, 'num mono'));
      var st = el('td'); st.appendChild(el('span', p.payment_status, window.ArbDeskFormat.statusClass(p.payment_status)));
      tr.appendChild(st);
      var last = p.ipn_log.length ? p.ipn_log[p.ipn_log.length - 1] : null;
      tr.appendChild(el('td', last ? last.status + ': ' + last.outcome : 'none yet', 'small'));
      var actions = el('td', null, 'actions');
      var ipnSwitch = p.lose_ipns ? ['deliver_ipns', 'Deliver its IPNs'] : ['lose_ipns', 'Lose its IPNs'];
      if (p.lose_ipns) { tr.classList.add('ipns-lost'); }
      (ACTIONS[p.payment_status] || []).concat([['resend', 'Resend IPN'], ipnSwitch]).forEach(function (a) {
        var b = el('button', a[1], 'btn btn-sm');
        b.type = 'button';
        b.setAttribute('data-action', a[0]);
        b.addEventListener('click', function () {
          b.disabled = true;
          post('/payments/' + p.payment_id + '/' + a[0]).then(refresh).catch(function (e) { alert(e.message); refresh(); });
        });
        actions.appendChild(b);
      });
      tr.appendChild(actions);
      rows.appendChild(tr);
    });
    var inv = document.getElementById('sandbox-invoices');
    inv.textContent = '';
    if (!state.invoices.length) {
      var itr = el('tr'); var itd = el('td', 'No invoices yet.', 'empty'); itd.colSpan = 5; itr.appendChild(itd); inv.appendChild(itr);
    }
    state.invoices.forEach(function (i) {
      var tr = el('tr');
      tr.appendChild(el('td', '#' + i.id, 'mono'));
      tr.appendChild(el('td', i.order_id || '—'));
      tr.appendChild(el('td', i.price_amount + ' ' + i.price_currency.toUpperCase(), 'num mono'));
      var link = el('a', 'Open hosted page'); link.href = i.invoice_url; link.target = '_blank';
      var td = el('td'); td.appendChild(link); tr.appendChild(td);
      var lose = el('button', i.lose_ipns ? 'Deliver its IPNs' : 'Lose its IPNs', 'btn btn-sm');
      lose.type = 'button';
      lose.setAttribute('data-invoice-ipns', i.lose_ipns ? 'deliver' : 'lose');
      lose.addEventListener('click', function () {
        lose.disabled = true;
        post('/invoices/' + i.id + '/ipns', { lose: !i.lose_ipns }).then(refresh).catch(function (e) { alert(e.message); refresh(); });
      });
      var ltd = el('td', null, 'actions'); ltd.appendChild(lose); tr.appendChild(ltd);
      inv.appendChild(tr);
    });
    var toggle = document.getElementById('ipn-toggle');
    toggle.textContent = 'Drop IPNs: ' + (state.drop_ipns ? 'ON' : 'off');
    toggle.classList.toggle('btn-danger', state.drop_ipns);
    toggle.setAttribute('data-drop', state.drop_ipns ? 'true' : 'false');
    document.getElementById('sandbox-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function refresh() {
    return fetch(api).then(function (r) { return r.json(); }).then(renderPayments);
  }

  if (document.getElementById('sandbox-rows')) {
    document.getElementById('ipn-toggle').addEventListener('click', function () {
      var drop = this.getAttribute('data-drop') !== 'true';
      post('/ipn-delivery', { drop: drop }).then(refresh);
    });
    var limit = document.getElementById('rate-limit-form');
    limit.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { requests: parseInt(limit.elements.requests.value, 10) || 1, route: limit.elements.route.value };
      post('/rate-limit', body).then(function (r) {
        document.getElementById('rate-limit-state').textContent = 'the next ' + r.requests + ' calls to ' + r.route + ' answer 429';
      }).catch(function (err) { alert(err.message); });
    });
    refresh();
    setInterval(refresh, 2000);
  }

  var box = document.querySelector('.pay-box[data-payment-id]');
  if (box) {
    var shown = box.querySelector('.badge-status');
    setInterval(function () {
      fetch(api + '/payments/' + box.getAttribute('data-payment-id')).then(function (r) { return r.json(); }).then(function (p) {
        if (shown && p.payment_status !== shown.textContent) { window.location.reload(); }
      });
    }, 2000);
  }
})();
