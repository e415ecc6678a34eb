// The deposit dialog on the dashboard: choose coin, network and amount, then pay to an address (QR, copy
// buttons, countdown) or on the provider's hosted page in a popup, with a live status line. All text goes in
// with textContent; money stays a decimal string (whole cents at most, never floating point).
(function () {
  'use strict';
  var dialog = document.getElementById('deposit-dialog');
  if (!dialog) { return; }
  var base = document.body.dataset.base || '';
  var FINAL = ['completed', 'failed', 'refunded', 'expired'];
  var POPUP = 'width=480,height=720';

  function $(sel, root) { return (root || dialog).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || dialog).querySelectorAll(sel)); }
  var choose = $('[data-step=choose]');
  var pay = $('[data-step=pay]');
  var amountInput = $('#dep-amount');
  var amountError = $('[data-testid=amount-error]');
  var formError = $('[data-testid=deposit-error]');
  var minimum = $('[data-testid=minimum]');
  var banner = document.querySelector('[data-testid=open-deposit]');

  var options = {};                 // currency -> [{currency, network, network_name, pay_currency, is_default}]
  var sel = { currency: $('[role=tab][data-coin]').dataset.coin, network: null }; // the page lists the coins
  var current = null;               // the deposit step 2 shows
  var choosing = false;             // the user left the open deposit to start another one
  var popup = null;                 // the hosted invoice window, closed once the deposit is paid
  var minimumSeq = 0;

  function isFinal(d) { return FINAL.indexOf(d.status) >= 0; }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = document.body.dataset.csrf || '';
      init.body = JSON.stringify(body);
    }
    return fetch(base + '/api' + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (r.ok) { return j; }
        var e = (j && j.error) || {};
        var err = new Error(e.message || 'Something went wrong (HTTP ' + r.status + '). Please try again.');
        err.status = r.status;
        err.field = e.field;
        throw err;
      });
    }, function () { throw new Error('ArbDesk cannot be reached. Check your connection and try again.'); });
  }

  var fmt = window.ArbDeskDepositText;
  var money = window.ArbDeskFormat;
  var usd = money.usd;
  var cents = money.cents;
  var shortHash = fmt.shortHash;
  var validUntilText = fmt.validUntil;
  var held = fmt.held;
  var statusText = fmt.status;
  var warningText = fmt.warning;
  function remainingUsd(d) { return money.fromCents(Math.max(0, cents(d.price_amount) - cents(d.credited_usd))); }

  // Deposits the user set aside ("Cancel this one"): this page stops following them. The provider and the
  // reconciler still do, so a payment that arrives later is credited all the same.
  var SET_ASIDE = 'arbdesk.setAsideDeposits';
  function setAside() {
    try { return JSON.parse(window.localStorage.getItem(SET_ASIDE) || '[]'); } catch (e) { return []; }
  }
  function putAside(id) {
    var ids = setAside().filter(function (x) { return x !== id; }).concat([id]).slice(-50);
    try { window.localStorage.setItem(SET_ASIDE, JSON.stringify(ids)); } catch (e) { /* private mode: this page only */ }
  }
  function retryable(d) { return d.status === 'expired' || d.status === 'failed'; }

  function fillBadge(badge, currency, network) {
    $('.net-coin', badge).textContent = currency;
    $('.net-net', badge).textContent = network;
    badge.dataset.network = network;
  }
  function option() {
    return (options[sel.currency] || []).filter(function (o) { return o.network === sel.network; })[0];
  }

  // ---- step 1: choose ----
  function selectCoin(currency, network) {
    var list = options[currency] || [];
    var def = list.filter(function (o) { return network ? o.network === network : o.is_default; })[0] || list[0];
    sel.currency = currency;
    selectNetwork(def ? def.network : null);
  }

  function selectNetwork(network) {
    sel.network = network;
    var list = options[sel.currency] || [];
    $$('[data-coin]').forEach(function (t) {
      t.classList.toggle('active', t.dataset.coin === sel.currency);
      t.setAttribute('aria-selected', String(t.dataset.coin === sel.currency));
    });
    var picker = $('.net-picker');
    picker.textContent = '';
    $('[data-part=networks]').hidden = list.length < 2;
    list.forEach(function (o) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'net-option';
      b.textContent = o.network;
      b.title = o.network_name;
      b.setAttribute('aria-pressed', String(o.network === network));
      b.addEventListener('click', function () { selectNetwork(o.network); });
      picker.appendChild(b);
    });
    var o = option();
    if (!o) { return; }
    fillBadge($('[data-testid=network-badge]'), o.currency, o.network);
    $('[data-field=network-name]').textContent = o.network_name;
    $('[data-testid=network-warning]').textContent = warningText(o.currency, o.network_name);
    var pair = o.currency === o.network ? o.currency : o.currency + '-' + o.network;
    $('[data-testid=pay-popup]').textContent = 'Pay with ' + pair + ' in a popup';
    clearErrors();
    loadMinimum(o);
  }

  function loadMinimum(o) {
    var seq = ++minimumSeq; // only the answer for the latest choice is shown
    minimum.textContent = 'Minimum …';
    minimum.classList.remove('dep-hint-warn');
    api('GET', '/deposits/minimum?currency=' + encodeURIComponent(o.currency) + '&network=' + encodeURIComponent(o.network))
      .then(function (m) {
        if (seq === minimumSeq) { minimum.textContent = 'Minimum ' + usd(m.min_amount_usd); }
      }, function (e) {
        if (seq !== minimumSeq) { return; }
        minimum.textContent = (e.status === 503 ? 'The minimum is unavailable right now. ' : '') + e.message;
        minimum.classList.add('dep-hint-warn');
      });
  }

  function clearErrors() {
    amountError.hidden = true;
    formError.hidden = true;
    amountInput.removeAttribute('aria-invalid');
  }
  // Errors about the amount (ours, or the server's 400 on amount_usd) sit under the field; others under the form.
  function showError(e) {
    var onAmount = e.local || e.field === 'amount_usd';
    if (onAmount) { amountInput.setAttribute('aria-invalid', 'true'); }
    var box = onAmount ? amountError : formError;
    box.textContent = e.message;
    box.hidden = false;
  }

  function create(mode) {
    clearErrors();
    var amount = amountInput.value.trim().replace(/^\$\s*/, '');
    if (!/^\d+(\.\d{1,2})?$/.test(amount) || cents(amount) <= 0) {
      showError({ local: true, message: 'Enter an amount in US dollars above 0, with at most 2 decimals, like 50.00' });
      amountInput.focus();
      return;
    }
    var o = option();
    if (!o) { return; }
    // Opened now, inside the click, so popup blockers allow it; it is sent to the invoice once that exists.
    var win = mode === 'invoice' ? window.open('', 'arbdesk-invoice', POPUP) : null;
    if (win) {
      try { win.document.body.textContent = 'Preparing your payment…'; } catch (ignored) { /* a provider page: replaced below */ }
    }
    setBusy(true);
    api('POST', '/deposits/create', { currency: o.currency, network: o.network, amount_usd: amount, mode: mode })
      .then(function (d) {
        if (win && d.invoice_url) { win.location.replace(d.invoice_url); }
        popup = win;
        choosing = false;
        $('[data-testid=popup-blocked]').hidden = mode !== 'invoice' || !!win;
        showDeposit(d);
      }, function (e) {
        if (win) { win.close(); }
        showStep('choose');
        showError(e);
      })
      .then(function () { setBusy(false); });
  }

  function setBusy(on) { $$('button', choose).forEach(function (b) { b.disabled = on; }); }

  function showStep(step) {
    choose.hidden = step !== 'choose';
    pay.hidden = step !== 'pay';
  }

  // ---- step 2: pay ----
  function showDeposit(d) {
    showStep('pay');
    render(d);
  }

  function render(d) {
    var before = current && current.transaction_id === d.transaction_id ? current.status : null;
    current = d;
    pay.dataset.paymentId = d.payment_id || '';
    pay.dataset.status = d.status;
    fillBadge($('[data-field=pay-badge]'), d.currency, d.network);
    $('[data-field=pay-network-name]').textContent = d.network_name;
    $('[data-field=pay-price]').textContent = usd(d.price_amount);
    var badge = $('[data-testid=deposit-status-badge]');
    badge.className = money.statusClass(d.status);
    badge.textContent = d.status.replace('_', ' ');

    // the address only while it should still be paid: never invite a payment to an expired or settled one
    var payable = d.status === 'pending' || d.status === 'confirming';
    $('[data-part=payment]').hidden = d.mode === 'invoice' || !d.pay_address || !payable;
    $('[data-part=invoice]').hidden = d.mode !== 'invoice' || !payable;
    if (d.pay_address) {
      $('[data-testid=pay-amount]').textContent = d.pay_amount;
      $('[data-field=pay-coin]').textContent = d.currency;
      $('[data-testid=pay-address]').textContent = d.pay_address;
      $('[data-field=pay-warning]').textContent = warningText(d.currency, d.network_name);
      var qr = $('[data-testid=qr]');
      if (qr.getAttribute('src') !== d.qr_url) { qr.src = d.qr_url; }
    }
    // a memo coin: without the memo the exchange or wallet cannot credit the payment, so it is as loud as the address
    var memo = d.payin_extra_id || '';
    $('[data-part=memo]').hidden = !memo;
    $('[data-testid=pay-memo]').textContent = memo;
    var memoWarning = $('[data-testid=memo-warning]');
    memoWarning.hidden = !memo || $('[data-part=payment]').hidden;
    memoWarning.textContent = memo ? 'Include this memo (destination tag) ' + memo + ' in your transfer. Without it the '
      + d.currency + ' cannot be matched to your deposit and may be lost.' : '';
    var valid = $('[data-testid=valid-until]');
    valid.textContent = validUntilText(d);
    valid.hidden = !valid.textContent;
    if (d.status !== 'pending') { $('[data-testid=quote-refreshed]').hidden = true; }
    var hash = $('[data-testid=payin-hash]');
    var link = $('[data-field=payin-hash-link]');
    hash.hidden = !d.payin_hash;
    link.textContent = d.payin_hash ? shortHash(d.payin_hash) : '';
    if (/^https:\/\//.test(d.payin_hash_url || '')) { link.href = d.payin_hash_url; } else { link.removeAttribute('href'); }
    var invoiceUrl = /^https?:\/\//.test(d.invoice_url || '') ? d.invoice_url : '#';
    $$('[data-field=invoice-link]').forEach(function (a) { a.href = invoiceUrl; });

    $('.dep-status').dataset.status = d.status;
    $('[data-field=status-text]').textContent = statusText(d);
    var rest = remainingUsd(d);
    $('[data-action=topup]').hidden = d.status !== 'partially_paid' || cents(rest) === 0;
    $('[data-action=topup]').textContent = 'Top up the rest (' + usd(rest) + ')';
    // always a way forward: another deposit, set this one aside, or try an expired or failed one again
    $('[data-action=new]').textContent = d.status === 'completed' ? 'Make another deposit' : 'Start a new deposit';
    $('[data-action=cancel]').hidden = isFinal(d);
    $('[data-action=retry]').hidden = !retryable(d);
    var wallet = $('[data-testid=wallet-link]');
    wallet.hidden = !d.wallet_uri || !payable;
    if (d.wallet_uri) { wallet.href = d.wallet_uri; } else { wallet.removeAttribute('href'); }
    var reached = { pending: 0, confirming: 1, partially_paid: 1, completed: held(d) ? 1 : 3 }[d.status];
    $('[data-testid=deposit-steps]').hidden = reached === undefined;
    $$('[data-step-of]').forEach(function (li, i) {
      li.classList.toggle('done', reached !== undefined && i < reached);
      li.classList.toggle('now', reached === i);
    });
    $('[data-testid=deposit-success]').hidden = d.status !== 'completed' || held(d);
    tick();

    if (d.status === 'completed' && before !== 'completed' && !held(d)) { refreshBalance(d); }
    if (popup && (d.status === 'confirming' || d.status === 'completed')) {
      popup.close(); // paid: the popup has done its job
      popup = null;
    }
    showBanner(d);
  }

  function refreshBalance(d) {
    var success = $('[data-testid=deposit-success]');
    success.textContent = 'Deposit complete: ' + usd(d.credited_usd) + ' was added to your balance.';
    api('GET', '/me').then(function (me) {
      var card = document.querySelector('[data-testid=balance]');
      if (card) { card.textContent = usd(me.balance_usd); }
      success.textContent += ' Your balance is now ' + usd(me.balance_usd) + '.';
    }, function () { /* the next page load shows it */ });
  }

  // the countdown of the quoted amount, and its refresh when it lapses (deposit-quote.js)
  var quote = window.ArbDeskDepositQuote.create({
    api: api, render: render, current: function () { return current; },
    countdown: $('[data-testid=countdown]'), note: $('[data-testid=quote-refreshed]')
  });
  function tick() { quote.tick(); }

  // Follows a deposit live: live.js turns the WebSocket's deposit_updated events into DOM events, and
  // each one for the open deposit triggers one fresh read of it (no polling; a reconnect resumes).
  document.addEventListener('arbdesk:deposit_updated', function (e) {
    var id = e.detail.transaction_id;
    if (!current || current.transaction_id !== id) { return; }
    api('GET', '/deposits/' + id).then(function (d) {
      if (current && current.transaction_id === id) { render(d); }
    }, function () { /* the next event or a reload shows it */ });
  });

  function showBanner(d) {
    if (!banner) { return; }
    banner.hidden = isFinal(d) && !retryable(d);
    $('[data-testid=open-deposit-retry]', banner).hidden = !retryable(d);
    $('[data-field=summary]', banner).textContent = d.price_amount + ' USD in ' + d.currency + ' (' + d.network + ')';
    $('[data-field=status]', banner).textContent = statusText(d);
  }

  function prepareDialog() {
    $('[data-testid=set-aside-note]').hidden = true;
    if (current && !isFinal(current) && !choosing) { showDeposit(current); } else { showStep('choose'); }
  }

  // Back to step 1 with a deposit's coin, network and amount filled in (an expired or failed one, tried again).
  function chooseLike(d) {
    selectCoin(d.currency, d.network);
    amountInput.value = d.price_amount;
    choosing = true;
    showStep('choose');
    amountInput.focus();
  }

  // ---- wiring ----
  $$('[data-coin]').forEach(function (t) { t.addEventListener('click', function () { selectCoin(t.dataset.coin); }); });
  choose.addEventListener('submit', function (e) { e.preventDefault(); create('payment'); });
  $('[data-mode=invoice]').addEventListener('click', function () { create('invoice'); });
  $$('[data-field=invoice-link]').forEach(function (a) {
    a.addEventListener('click', function (e) { // a real popup when allowed, so it can be closed once paid
      var win = window.open(a.href, 'arbdesk-invoice', POPUP);
      if (win) { popup = win; e.preventDefault(); }
    });
  });
  $('[data-action=topup]').addEventListener('click', function () {
    selectCoin(current.currency, current.network);
    amountInput.value = remainingUsd(current);
    showStep('choose');
    create('payment');
  });
  $('[data-action=new]').addEventListener('click', function () {
    amountInput.value = '';
    choosing = true;
    showStep('choose');
    amountInput.focus();
  });
  $('[data-action=retry]').addEventListener('click', function () { chooseLike(current); });
  $('[data-action=cancel]').addEventListener('click', function () {
    putAside(current.transaction_id);
    current = null;
    choosing = false;
    if (banner) { banner.hidden = true; }
    showStep('choose');
    $('[data-testid=set-aside-note]').hidden = false;
  });
  document.querySelectorAll('[data-open-dialog=deposit-dialog]').forEach(function (b) {
    b.addEventListener('click', prepareDialog); // app.js opens the dialog
  });
  if (banner) {
    $('[data-testid=open-deposit-show]', banner).addEventListener('click', function () {
      choosing = false;
      prepareDialog();
      if (current) { showDeposit(current); }
      if (!dialog.open) { dialog.showModal(); }
    });
    $('[data-testid=open-deposit-retry]', banner).addEventListener('click', function () {
      prepareDialog();
      chooseLike(current);
      if (!dialog.open) { dialog.showModal(); }
    });
    $('[data-testid=open-deposit-dismiss]', banner).addEventListener('click', function () {
      putAside(current.transaction_id);
      current = null;
      banner.hidden = true;
    });
  }
  setInterval(function () { if (dialog.open) { tick(); } }, 1000);

  api('GET', '/deposits/options').then(function (list) {
    list.forEach(function (o) { (options[o.currency] = options[o.currency] || []).push(o); });
    selectCoin(sel.currency);
  }, showError);

  // After a reload: the newest deposit not set aside, if still open (its status fresh from the provider), or
  // expired or failed within the last day, so it can be tried again.
  api('GET', '/deposits?limit=5').then(function (list) {
    var aside = setAside();
    var d = list.filter(function (x) { return aside.indexOf(x.transaction_id) < 0; })[0];
    if (!d) { return null; }
    if (!isFinal(d)) { return api('GET', '/deposits/' + d.transaction_id); }
    return retryable(d) && Date.now() - Date.parse(d.updated_at) < 86400000 ? d : null;
  }).then(function (d) {
    if (d && !current) { render(d); }
  }, function () { /* no banner; the dialog still works */ });
})();
