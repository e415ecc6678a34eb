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
  var sel = { currency: 'USDT', network: null };
  var current = null;               // the deposit step 2 shows
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
  var usd = fmt.usd;
  var cents = fmt.cents;
  var shortHash = fmt.shortHash;
  var validUntilText = fmt.validUntil;
  function remainingUsd(d) { return fmt.fromCents(Math.max(0, cents(d.price_amount) - cents(d.credited_usd))); }

  function warningText(currency, networkName) {
    return 'Send only ' + currency + ' on ' + networkName + '. Sending on another network loses the funds.';
  }
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

  // Completed at the provider but not credited yet: held for review, or its value not known yet.
  function held(d) {
    return (d.flags || []).some(function (f) { return f === 'needs_review' || f === 'valuation_pending'; });
  }

  function statusText(d) {
    switch (d.status) {
      case 'pending': return 'Waiting for payment…';
      case 'confirming': return 'Payment seen, waiting for confirmations…';
      case 'partially_paid': return 'Received ' + (d.actually_paid || '0') + ' of ' + d.pay_amount + ' ' + d.currency;
      case 'completed':
        if (held(d)) { return 'Payment received. It is being checked before it is credited.'; }
        return 'Credited: +' + usd(d.credited_usd);
      case 'expired': return 'This deposit expired.';
      case 'failed': return 'The payment failed: ' + (d.failure_reason || 'the provider did not accept it.');
      case 'refunded': return 'This payment was refunded.';
      default: return d.status;
    }
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
    badge.className = 'badge badge-status status-' + d.status;
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
    $('[data-action=new]').hidden = !isFinal(d);
    $('[data-action=new]').textContent = d.status === 'completed' ? 'Make another deposit' : 'Create a new deposit';
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

  // Two clocks: the quoted amount holds until expires_at (minutes), the address takes payments until
  // valid_until (days). When the quote lapses the amount is refreshed at the current rate; the deposit
  // itself has not expired, so the countdown never says so.
  var quoteBusy = false;
  var quoteRetryAt = 0;
  function tick() {
    var el = $('[data-testid=countdown]');
    var d = current;
    el.hidden = !(d && d.expires_at && d.status === 'pending' && d.mode !== 'invoice');
    if (el.hidden) { return; }
    var ms = Date.parse(d.expires_at) - Date.now();
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    if (ms > 0) {
      var left = Math.ceil(ms / 1000); // 00:01 until the quote has really lapsed
      el.textContent = 'Amount guaranteed for ' + two(Math.floor(left / 60)) + ':' + two(left % 60);
      return;
    }
    el.textContent = 'Refreshing the amount…';
    refreshQuote(d);
  }

  function refreshQuote(d) {
    if (quoteBusy || Date.now() < quoteRetryAt) { return; }
    quoteBusy = true;
    var before = d.pay_amount;
    api('POST', '/deposits/' + d.transaction_id + '/quote', {}).then(function (fresh) {
      quoteBusy = false;
      if (!current || current.transaction_id !== fresh.transaction_id) { return; }
      if (fresh.expires_at === d.expires_at || !(Date.parse(fresh.expires_at) > Date.now())) {
        quoteRetryAt = Date.now() + 2000; // not lapsed yet at the server, or paid meanwhile: ask again shortly
        if (fresh.status !== d.status) { render(fresh); }
        return;
      }
      render(fresh);
      var note = $('[data-testid=quote-refreshed]');
      note.textContent = 'The amount was refreshed at the current rate'
        + (before && before !== fresh.pay_amount ? ' (it was ' + before + ' ' + fresh.currency + ').' : '.');
      note.hidden = false;
    }, function (e) {
      quoteBusy = false;
      quoteRetryAt = Date.now() + (e.status === 503 ? 10000 : 5000);
    });
  }



  // Follows a deposit live: live.js turns the WebSocket's deposit_updated events into DOM events, and
  // each one for the open deposit triggers one fresh read of it (no polling; a reconnect resumes).
  document.addEventListener('arbdesk:deposit_updated', function (e) {
    var id = e.detail.transaction_id;
    if (!current || current.transaction_id !== id) { return; }
    api('GET', '/deposits/' + id).then(function (d) {
      if (current && current.transaction_id === id) { render(d); }
    }, function () { /* the next event or a reload shows it */ });
  });

  function copy(btn) {
    var node = $('[data-testid=' + btn.dataset.copy + ']');
    function done(ok) {
      btn.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      setTimeout(function () { btn.textContent = 'Copy'; }, 1800);
    }
    function selectAndCopy() { // the fallback: the text is selected, copied by the old command or by the user
      window.getSelection().selectAllChildren(node);
      try { return document.execCommand('copy'); } catch (e) { return false; }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(node.textContent).then(function () { done(true); }, function () { done(selectAndCopy()); });
    } else {
      done(selectAndCopy());
    }
  }

  function showBanner(d) {
    if (!banner) { return; }
    banner.hidden = isFinal(d);
    $('[data-field=summary]', banner).textContent = d.price_amount + ' USD in ' + d.currency + ' (' + d.network + ')';
    $('[data-field=status]', banner).textContent = statusText(d);
  }

  function prepareDialog() {
    if (current && !isFinal(current)) { showDeposit(current); } else { showStep('choose'); }
  }

  // ---- wiring ----
  $$('[data-coin]').forEach(function (t) { t.addEventListener('click', function () { selectCoin(t.dataset.coin); }); });
  choose.addEventListener('submit', function (e) { e.preventDefault(); create('payment'); });
  $('[data-mode=invoice]').addEventListener('click', function () { create('invoice'); });
  $$('[data-copy]').forEach(function (b) { b.addEventListener('click', function () { copy(b); }); });
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
    showStep('choose');
    amountInput.focus();
  });
  document.querySelectorAll('[data-open-dialog=deposit-dialog]').forEach(function (b) {
    b.addEventListener('click', prepareDialog); // app.js opens the dialog
  });
  if (banner) {
    $('[data-testid=open-deposit-show]', banner).addEventListener('click', function () {
      prepareDialog();
      if (!dialog.open) { dialog.showModal(); }
    });
  }
  setInterval(function () { if (dialog.open) { tick(); } }, 1000);

  api('GET', '/deposits/options').then(function (list) {
    list.forEach(function (o) { (options[o.currency] = options[o.currency] || []).push(o); });
    selectCoin(sel.currency);
  }, showError);

  // After a reload: the newest deposit, if still open, with its status fresh from the provider.
  api('GET', '/deposits?limit=5').then(function (list) {
    return list.length && !isFinal(list[0]) ? api('GET', '/deposits/' + list[0].transaction_id) : null;
  }).then(function (d) {
    if (d && !current) { render(d); }
  }, function () { /* no banner; the dialog still works */ });
})();
