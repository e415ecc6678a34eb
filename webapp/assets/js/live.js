// Live updates over /ws for every logged-in page: connection indicator, reconnect with backoff and
// jitter, catch-up from the last seq, balance card and toasts; other scripts listen for the DOM
// events "arbdesk:<event>" (detail = the event's data). Text goes in with textContent only.
(function () {
  'use strict';
  var body = document.body;
  if (!body.hasAttribute('data-user')) { return; }
  var base = body.getAttribute('data-base') || '';
  var indicator = document.querySelector('[data-live-indicator]');
  // the seq the page was rendered at: anything newer is resumed, anything older is already on the page.
  // Seqs are consecutive per user, so events are applied strictly in seq order: one that arrives early (a live
  // push overtaking a resume's catch-up) waits in `early` until the ones before it are here, and a gap that
  // stays open is asked for again. Nothing is applied twice and nothing is dropped.
  var lastSeq = Number(body.getAttribute('data-live-seq') || 0);
  var early = {};
  var gapTimer = null;
  var attempt = 0;
  var socket = null;

  function setState(state, text) {
    if (!indicator) { return; }
    indicator.setAttribute('data-state', state);
    indicator.title = text;
    var label = indicator.querySelector('.live-label');
    if (label) { label.textContent = text; }
  }

  var formatUsd = window.ArbDeskFormat.usd; // money stays a decimal string (format.js)

  function toast(text, kind) {
    var box = document.querySelector('.toasts');
    if (!box) {
      box = document.createElement('div');
      box.className = 'toasts';
      box.setAttribute('role', 'status');
      box.setAttribute('aria-live', 'polite');
      // a closing dialog hands its toasts back to the page
      document.addEventListener('close', function () { if (box.parentNode !== body) { body.appendChild(box); } }, true);
    }
    // A modal dialog sits in the top layer and makes the rest of the page inert: no z-index is above it.
    // Inside the open dialog, the (fixed) toasts are drawn above it and stay readable and clickable.
    var host = document.querySelector('dialog[open]') || body;
    if (box.parentNode !== host) { host.appendChild(box); }
    var t = document.createElement('div');
    t.className = 'toast toast-' + (kind || 'info');
    t.setAttribute('data-testid', 'toast');
    t.textContent = text;
    box.appendChild(t);
    setTimeout(function () { t.classList.add('toast-out'); }, 5000);
    setTimeout(function () { t.remove(); }, 5600);
  }

  function setBalance(plain) {
    document.querySelectorAll('[data-testid=balance], [data-live-balance]').forEach(function (el) {
      el.textContent = formatUsd(plain);
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
    });
  }

  // The dashboard's recent transactions, re-read after a change: the server renders the card (the same tag
  // as the page), so no second copy of a row's markup lives here. The fragment's text is escaped server-side.
  function refreshTransactions() {
    var section = document.querySelector('[data-live-transactions]');
    if (!section) { return; }
    fetch(base + '/dashboard/transactions', { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-transactions]');
        if (fresh) { section.replaceWith(fresh); }
      }, function () { /* shown on the next page load */ });
  }

  // The unread alerts badge in the header; the alerts page clears it once looked at.
  function setBadge(n) {
    document.querySelectorAll('[data-alerts-badge]').forEach(function (el) {
      el.textContent = String(n);
      el.hidden = !(n > 0);
    });
  }

  function resume() {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'resume', last_seq: lastSeq }));
    }
  }

  function receive(msg) {
    if (msg.event === 'hello') {
      if (msg.seq > lastSeq) { resume(); }
      return;
    }
    if (!msg.seq) { apply(msg); return; } // not kept for catch-up (market updates, resync)
    if (msg.seq <= lastSeq || early[msg.seq]) { return; } // already applied, or already waiting
    early[msg.seq] = msg;
    while (early[lastSeq + 1]) {
      var next = early[lastSeq + 1];
      delete early[lastSeq + 1];
      lastSeq += 1;
      apply(next);
    }
    clearTimeout(gapTimer);
    if (Object.keys(early).length) { gapTimer = setTimeout(resume, 3000); } // a gap that stays open: ask again
  }

  function apply(msg) {
    var d = msg.data || {};
    if (msg.event === 'resync') { window.location.reload(); return; }
    if (msg.event === 'deposit_updated') {
      if (d.new_balance) { setBalance(d.new_balance); }
      if (d.new_status === 'completed' && d.credited_now && d.credited_now !== '0.00') {
        toast('Deposit confirmed! Your new balance is ' + formatUsd(d.new_balance) + '.', 'success');
      } else if (d.new_status === 'partially_paid') {
        toast('Part of your deposit arrived: ' + formatUsd(d.credited_usd) + ' credited so far.', 'info');
      }
    }
    if (msg.event === 'balance_updated') {
      setBalance(d.new_balance);
      toast('Your balance changed by ' + formatUsd(d.change) + '. New balance: ' + formatUsd(d.new_balance) + '.', 'info');
    }
    if (msg.event === 'alert_fired') {
      setBadge(d.unread);
      toast('Alert: ' + d.pair + ' buy on ' + d.buy_exchange + ', sell on ' + d.sell_exchange + ' nets ' + d.net_pct + ' % at $'
        + window.ArbDeskFormat.group(d.size_usd) + ' (held ' + d.held_seconds + ' s, rule ≥ ' + d.min_net_pct + ' %).', 'alert');
    }
    if (msg.event === 'deposit_updated' || msg.event === 'balance_updated') { refreshTransactions(); }
    document.dispatchEvent(new CustomEvent('arbdesk:' + msg.event, { detail: d }));
  }

  function connect() {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    setState(attempt === 0 ? 'connecting' : 'reconnecting', attempt === 0 ? 'Connecting…' : 'Reconnecting…');
    socket = new WebSocket(scheme + window.location.host + base + '/ws');
    socket.onopen = function () {
      var again = attempt > 0;
      attempt = 0;
      setState('live', 'Live');
      // a page that shows market data asks for the deltas, one that only reacts to each announcement for its summary;
      // the others get no market data at all
      if (document.querySelector('[data-live-market]')) {
        socket.send(JSON.stringify({ type: 'subscribe', topic: 'market' }));
      } else if (document.querySelector('[data-live-market-summary]')) {
        socket.send(JSON.stringify({ type: 'subscribe', topic: 'market_summary' }));
      }
      // market data is not kept for catch-up: the pages that hold it read it again
      if (again) { document.dispatchEvent(new CustomEvent('arbdesk:reconnected')); }
    };
    socket.onmessage = function (e) {
      try { receive(JSON.parse(e.data)); } catch (err) { /* a malformed frame is skipped */ }
    };
    socket.onclose = function (e) {
      if (e.code === 4401) {
        setState('offline', 'Signed out');
        if (window.ArbDeskPage) { window.ArbDeskPage.toLogin(); }
        return;
      }
      attempt += 1;
      var delay = Math.min(30000, 500 * Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
      setState(attempt > 5 ? 'offline' : 'reconnecting', attempt > 5 ? 'Offline, retrying…' : 'Reconnecting…');
      setTimeout(connect, delay);
    };
  }

  window.ArbDeskLive = { toast: toast };
  window.ArbDeskAlerts = { setBadge: setBadge };
  connect();
})();
