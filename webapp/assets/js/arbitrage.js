// The dashboard's arbitrage table: the best route per pair by default (all routes one click away),
// filters, keyboard-sortable columns with aria-sort, "updated N s ago". The page holds the shared list of
// routes (read once, with its version) and applies each arbitrage_update's delta to it (upsert rows, remove
// keys, the new order), rebuilding only the rows that changed; it reads the whole list again only when the socket's
// market subscription is confirmed (at load, after a reconnect), when a delta's base is not the version it holds (a
// missed update, another instance), or ranked by
// holdings (that order and the deposit legs are the user's own: never in the shared delta). Filters apply here.
// Decimals stay strings (compared and rounded as strings); text goes in with textContent. A row opens
// the route's spread history chart. Each row names the network its coin would travel on, the transfer
// time and the capture odds; rows whose coin cannot move are marked and always listed after the others.
// "Rank by my holdings" asks the server for rank_for=me and keeps its order (the deposit-aware ranking).
(function () {
  'use strict';
  var section = document.querySelector('[data-arbitrage]');
  if (!section) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var form = section.querySelector('[data-arb-filters]');
  var rows = section.querySelector('[data-arb-rows]');
  var updated = section.querySelector('[data-arb-updated]');
  var sourceBadge = section.querySelector('[data-arb-source]');
  var state = { data: null, version: null, pending: [], sort: 'net', desc: true, updatedAt: 0, loading: false, all: false, mine: false };
  // the row each route's <tr> was built from, and the view it was built for: an unchanged row keeps its <tr>
  var built = {};
  var holdingsNote = section.querySelector('[data-arb-holdings]');
  var TEXT_COLUMNS = ['pair', 'buy_exchange', 'sell_exchange'];
  // decimals a size is shown with, per base asset (what exchanges quote lots in); others get 4
  var PRECISION = { BTC: 6, ETH: 4, SOL: 3, XRP: 1, USDC: 2, USDT: 2 };
  var PRICE_DIGITS = 6;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'btn btn-sm arb-more';
  more.setAttribute('data-testid', 'arb-more');
  more.hidden = true;
  section.querySelector('.table-wrap').after(more);
  more.addEventListener('click', function () { state.all = !state.all; render(); });

  // Rounds a plain decimal string half-up to `places` decimals, in string arithmetic (no float on the way).
  function round(plain, places) {
    if (plain === null || plain === undefined) { return plain; }
    var neg = plain.charAt(0) === '-';
    var parts = (neg ? plain.slice(1) : plain).split('.');
    var frac = (parts[1] || '') + '0'.repeat(places + 1);
    var digits = (parts[0] + frac.slice(0, places)).split('').map(Number);
    if (Number(frac.charAt(places)) >= 5) {
      for (var i = digits.length - 1; i >= 0; i--) {
        if (digits[i] === 9) { digits[i] = 0; } else { digits[i] += 1; break; }
        if (i === 0) { digits.unshift(1); }
      }
    }
    var whole = digits.slice(0, digits.length - places).join('').replace(/^0+(?=\d)/, '') || '0';
    var out = places > 0 ? whole + '.' + digits.slice(digits.length - places).join('') : whole;
    return (neg && /[1-9]/.test(out) ? '-' : '') + out;
  }

  // A price to PRICE_DIGITS significant digits (96123.4567 -> 96123.5, 0.620312345 -> 0.620312).
  function price(plain) {
    if (!plain) { return plain; }
    var p = plain.replace('-', '').split('.');
    var intDigits = p[0].replace(/^0+/, '').length;
    var lead = intDigits > 0 ? 0 : ((p[1] || '').match(/^0*/)[0].length);
    return round(plain, Math.max(0, PRICE_DIGITS - intDigits + (intDigits > 0 ? 0 : lead)));
  }

  function amount(plain, asset) {
    return round(plain, PRECISION[asset] === undefined ? 4 : PRECISION[asset]);
  }

  // Compares decimal strings exactly ("-0.5" < "0.03" < "12.1"), without turning them into floats.
  function cmp(a, b) {
    if (a === b) { return 0; }
    if (a === null || a === undefined) { return -1; }
    if (b === null || b === undefined) { return 1; }
    var na = a.charAt(0) === '-', nb = b.charAt(0) === '-';
    if (na !== nb) { return na ? -1 : 1; }
    var pa = (na ? a.slice(1) : a).split('.'), pb = (nb ? b.slice(1) : b).split('.');
    var ia = pa[0].replace(/^0+(?=\d)/, ''), ib = pb[0].replace(/^0+(?=\d)/, '');
    var r = ia.length !== ib.length ? ia.length - ib.length : ia < ib ? -1 : ia > ib ? 1 : 0;
    if (r === 0) {
      var fa = pa[1] || '', fb = pb[1] || '', n = Math.max(fa.length, fb.length);
      fa = fa + '0'.repeat(n - fa.length);
      fb = fb + '0'.repeat(n - fb.length);
      r = fa < fb ? -1 : fa > fb ? 1 : 0;
    }
    return na ? -r : r;
  }

  var usd = window.ArbDeskFormat.usd;

  function atSize(o) {
    var size = form.size.value;
    return o.sizes.filter(function (s) { return s.size_usd === size; })[0] || o.sizes[0] || null;
  }

  function blocked(o) {
    return !!(o.transfer && o.transfer.status === 'not_transferable');
  }

  // 57 s, 6 min, 35 min, 1.5 h: a transfer time at a glance.
  function duration(seconds) {
    if (seconds < 90) { return seconds + ' s'; }
    if (seconds < 5400) { return Math.round(seconds / 60) + ' min'; }
    return (Math.round(seconds / 360) / 10) + ' h';
  }

  function span(text, cls, testid) {
    var e = document.createElement('span');
    e.textContent = text;
    if (cls) { e.className = cls; }
    if (testid) { e.setAttribute('data-testid', testid); }
    return e;
  }

  // The network and transfer time on one line, then the capture odds or the not-transferable mark and its
  // reason, then (ranked by holdings) the coin of the user's that would fund the route.
  function transferCell(o) {
    var t = o.transfer;
    var c = td('', 'small arb-transfer');
    c.setAttribute('data-testid', 'arb-transfer');
    if (!t) { c.textContent = '—'; return c; }
    c.appendChild(span((t.network || 'no network') + (t.time_seconds !== null && t.time_seconds !== undefined
      ? ' · ' + duration(t.time_seconds) : ''), 'arb-network mono', 'arb-network'));
    if (t.status === 'not_transferable') {
      c.appendChild(span('not transferable', 'badge badge-blocked', 'arb-not-transferable'));
      c.appendChild(span(t.reason, 'arb-reason muted'));
    } else if (t.status === 'unknown') {
      c.appendChild(span(t.reason, 'arb-reason muted'));
    } else {
      // the odds at the size shown (its own past episodes), else the row's (its smallest size)
      var s = atSize(o);
      var pct = s && s.past_episodes !== null && s.past_episodes !== undefined ? s.capture_odds_pct : t.capture_odds_pct;
      var past = s && s.past_episodes !== null && s.past_episodes !== undefined ? s.past_episodes : t.past_episodes;
      var odds = span('capture odds ' + (pct === null ? '—' : round(pct, 0) + ' %'), 'arb-odds muted', 'arb-odds');
      odds.title = past
        ? 'Of ' + past + ' past episodes of this route at this size (7 days), the share that outlasted the transfer'
        : 'No past episodes of this route at this size yet';
      c.appendChild(odds);
    }
    if (o.deposit_leg) {
      var l = o.deposit_leg;
      var leg = span('with your ' + l.coin + ' ' + l.network + (l.pending ? ' (depositing)' : ''), 'arb-leg', 'arb-deposit-leg');
      leg.title = 'Deposit ' + l.coin + ' on ' + l.network + ' to ' + l.exchange + '. ' + (l.note || '');
      c.appendChild(leg);
    }
    return c;
  }

  function sortValue(o, key) {
    var s = atSize(o);
    if (key === 'net') { return s ? s.net_pct : o.net_pct; }
    if (key === 'profit') { return s ? s.profit_usd : null; }
    if (key === 'base') { return s ? s.base_amount : null; }
    if (key === 'age_ms') { return String(o.age_ms); }
    return o[key];
  }

  function td(text, cls) {
    var c = document.createElement('td');
    c.textContent = text === null || text === undefined ? '—' : text;
    if (cls) { c.className = cls; }
    return c;
  }

  // The route with the highest net spread (at the chosen size) for each pair.
  function bestPerPair(list) {
    var best = {};
    list.forEach(function (o) {
      var cur = best[o.pair];
      // a route whose coin can move beats one that cannot; ranked by holdings, the server's first row wins
      if (!cur || (blocked(cur) && !blocked(o))
          || (!state.mine && blocked(cur) === blocked(o) && cmp(sortValue(o, 'net'), sortValue(cur, 'net')) > 0)) {
        best[o.pair] = o;
      }
    });
    return Object.keys(best).map(function (k) { return best[k]; });
  }

  // A decimal typed into "Min net %" as a plain decimal string (".5" -> "0.5"), '' for none, null if not a number.
  function minNet() {
    var v = form.min_net.value.trim().replace(/^\+/, '');
    if (!v) { return ''; }
    if (!/^-?(\d+\.?\d*|\.\d+)$/.test(v)) { return null; }
    return v.replace(/^(-?)\./, '$10.').replace(/\.$/, '');
  }

  // The same filters the API applies (ArbitrageService.query): pair, either exchange, net % at the size >= min.
  function passes(o, min) {
    if (form.pair.value && o.pair.toLowerCase() !== form.pair.value.toLowerCase()) { return false; }
    var x = form.exchange.value.toLowerCase();
    if (x && o.buy_exchange.toLowerCase() !== x && o.sell_exchange.toLowerCase() !== x) { return false; }
    if (!min) { return true; }
    var size = form.size.value;
    var at = size ? o.sizes.filter(function (z) { return cmp(z.size_usd, size) === 0; })[0] : null;
    var net = size ? (at ? at.net_pct : null) : o.net_pct;
    return net !== null && net !== undefined && cmp(net, min) >= 0;
  }

  function render() {
    var min = minNet();
    if (min === null) { updated.textContent = 'Could not load: min_net must be a number'; return; }
    var everything = state.data.opportunities.filter(function (o) { return passes(o, min); });
    var list = state.all ? everything.slice() : bestPerPair(everything);
    var textual = TEXT_COLUMNS.indexOf(state.sort) >= 0;
    var order = state.data.opportunities;
    list.sort(function (a, b) {
      if (blocked(a) !== blocked(b)) { return blocked(a) ? 1 : -1; }
      if (state.sort === 'rank') { return order.indexOf(a) - order.indexOf(b); }
      var va = sortValue(a, state.sort), vb = sortValue(b, state.sort);
      var r = textual ? String(va).localeCompare(String(vb)) : cmp(va, vb);
      return state.desc ? -r : r;
    });
    section.querySelectorAll('th[data-sort]').forEach(function (th) {
      if (th.getAttribute('data-sort') === state.sort) {
        th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    var view = form.size.value + '|' + state.mine;
    var fresh = {};
    var rebuilt = 0;
    var trs = list.map(function (o) {
      var k = key(o);
      var b = built[k];
      if (!b || b.o !== o || b.view !== view) { b = { o: o, view: view, tr: rowOf(o) }; rebuilt++; }
      fresh[k] = b;
      return b.tr;
    });
    built = fresh;
    if (!list.length) {
      var tr = document.createElement('tr');
      var c = td('No opportunities match these filters right now.', 'empty');
      c.colSpan = 12;
      tr.appendChild(c);
      trs = [tr];
    }
    // move or insert only what is not already in place, then drop what is left over
    trs.forEach(function (t, i) { if (rows.children[i] !== t) { rows.insertBefore(t, rows.children[i] || null); } });
    while (rows.children.length > trs.length) { rows.removeChild(rows.lastChild); }
    rows.setAttribute('data-rebuilt', String(rebuilt));
    more.hidden = everything.length <= list.length && !state.all;
    more.textContent = state.all ? 'Best route per pair' : 'Show all ' + everything.length + ' routes';
    rows.setAttribute('data-view', state.all ? 'all' : 'best');
  }

  // One route's row.
  function rowOf(o) {
    var s = atSize(o);
    var net = s ? s.net_pct : o.net_pct;
    var tr = document.createElement('tr');
    tr.className = (net && net.charAt(0) !== '-' && net !== '0.0000' ? 'arb-pos' : '') + (blocked(o) ? ' arb-blocked' : '');
    tr.setAttribute('data-route', o.pair + '|' + o.buy_exchange + '|' + o.sell_exchange);
    var pairCell = td('');
    var open = document.createElement('button');
    open.type = 'button';
    open.className = 'arb-route';
    open.textContent = o.pair;
    open.setAttribute('aria-label', 'Spread history of ' + o.pair + ', buy on ' + o.buy_exchange + ', sell on ' + o.sell_exchange);
    pairCell.appendChild(open);
    tr.appendChild(pairCell);
    tr.appendChild(td(o.buy_exchange));
    tr.appendChild(td(o.sell_exchange));
    tr.appendChild(td(price(o.ask), 'num mono'));
    tr.appendChild(td(price(o.bid), 'num mono'));
    tr.appendChild(td(o.gross_pct, 'num mono'));
    tr.appendChild(td(net, 'num mono ' + (net && net.charAt(0) === '-' ? 'neg' : 'pos')));
    var asset = o.pair.split('/')[0];
    tr.appendChild(td(s ? amount(s.base_amount, asset) + ' ' + asset + (s.fillable ? '' : s.reason === 'below_min_withdrawal' ? ' (below min. withdrawal)' : ' (partial)') : null, 'num mono small'));
    tr.appendChild(td(s && s.profit_usd ? usd(s.profit_usd) : null, 'num mono ' + (s && s.profit_usd && s.profit_usd.charAt(0) === '-' ? 'neg' : '')));
    tr.appendChild(td((o.age_ms / 1000).toFixed(1) + ' s', 'num small'));
    tr.appendChild(transferCell(o));
    var flags = td('', 'small');
    o.flags.filter(function (f) { return f !== 'not_transferable'; }).forEach(function (f) {
      var b = document.createElement('span');
      b.className = 'badge badge-flag';
      b.textContent = f;
      flags.appendChild(b);
    });
    tr.appendChild(flags);
    return tr;
  }

  function fillSelect(select, values, label) {
    if (select.options.length > (label ? 1 : 0)) { return; }
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = label === 'size' ? '$' + window.ArbDeskFormat.group(v) : v;
      select.appendChild(o);
    });
  }

  // The whole list (unfiltered: the filters apply here), with the version the next delta applies to.
  function load() {
    if (state.loading) { state.reload = true; return; }
    state.loading = true;
    state.reload = false;
    var q = new URLSearchParams();
    state.mine = form.rank_for.checked;
    if (state.mine) { q.set('rank_for', 'me'); }
    fetch(base + '/api/arbitrage/opportunities?' + q.toString(), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.error) { throw new Error(data.error.message); }
        fillSelect(form.pair, data.pairs, 'pair');
        fillSelect(form.exchange, data.exchanges, 'exchange');
        fillSelect(form.size, data.sizes_usd, 'size');
        sourceBadge.textContent = data.source === 'simulated' ? 'simulated market data' : 'live market data';
        state.data = data;
        state.version = data.version;
        showHoldings(data);
        shown(data.updated_at);
        // the announcements that came while reading: those newer than this list apply on top of it
        var waiting = state.pending;
        state.pending = [];
        waiting.forEach(apply);
      })
      .catch(function (e) { updated.textContent = 'Could not load: ' + e.message; })
      .then(function () {
        state.loading = false;
        if (state.reload) { load(); } // the filters asked for another list while this one was read
      });
  }

  function shown(updatedAt) {
    state.updatedAt = Date.parse(updatedAt);
    section.setAttribute('data-updated-at', updatedAt);
    section.setAttribute('data-version', String(state.version));
    render();
    tick();
    document.dispatchEvent(new CustomEvent('arbdesk:arbitrage_rows', { detail: { updated_at: updatedAt } }));
  }

  // One arbitrage_update: applied when it follows the version held, else the list is read again. Ranked by
  // holdings the list is the user's own, so it is read again (the delta only carries the shared rows).
  function update(e) {
    if (state.loading) { state.pending.push(e.detail || {}); return; }
    if (state.data) { apply(e.detail || {}); }
  }

  function apply(d) {
    // a summary without delta (sent before the socket's subscription took effect): the next delta applies or shows the gap
    if (state.loading || d.version === undefined || d.version <= state.version) { return; }
    if (state.mine || d.base !== state.version) { load(); return; }
    var byKey = {};
    state.data.opportunities.forEach(function (o) { byKey[key(o)] = o; });
    d.upsert.forEach(function (o) { byKey[key(o)] = o; });
    (d.remove || []).forEach(function (k) { delete byKey[k]; });
    var order = d.order || state.data.opportunities.map(key);
    state.data.opportunities = order.map(function (k) { return byKey[k]; }).filter(Boolean);
    state.data.updated_at = d.updated_at;
    state.version = d.version;
    shown(d.updated_at);
  }

  function key(o) { return o.pair + '|' + o.buy_exchange + '|' + o.sell_exchange; }

  // What the deposit-aware ranking rests on, or why it changes nothing.
  function showHoldings(data) {
    holdingsNote.hidden = !state.mine;
    if (!state.mine) { return; }
    var h = data.holdings || [];
    holdingsNote.textContent = h.length
      ? 'Ranked for ' + h.map(function (x) { return x.coin + ' on ' + x.network + (x.pending ? ' (depositing)' : ''); }).join(', ')
        + ': routes your coins can fund come first. Deposit fees are not known and count as 0.'
      : 'No recent or pending deposits to rank by: the usual order is shown.';
  }

  function tick() {
    if (!state.updatedAt) { return; }
    updated.textContent = 'updated ' + Math.max(0, Math.round((Date.now() - state.updatedAt) / 1000)) + ' s ago';
  }

  // Each sortable header holds a button (keyboard: Tab, then Enter or Space). A first click sorts
  // numbers highest first and text A to Z; a second click reverses.
  section.querySelectorAll('th[data-sort]').forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.desc = state.sort === key ? !state.desc : TEXT_COLUMNS.indexOf(key) < 0;
      state.sort = key;
      if (state.data) { render(); }
    });
  });
  // A route's row (or its pair button, for the keyboard) opens its spread history chart (arbitrage-chart.js).
  rows.addEventListener('click', function (e) {
    var tr = e.target.closest('tr[data-route]');
    if (!tr || !window.ArbDeskChart) { return; }
    var p = tr.getAttribute('data-route').split('|');
    window.ArbDeskChart.open({ pair: p[0], buy: p[1], sell: p[2] });
  });
  form.rank_for.addEventListener('change', function () {
    state.sort = form.rank_for.checked ? 'rank' : 'net';
    state.desc = true;
  });
  // the filters apply to the list held; only the holdings ranking is a different list
  form.addEventListener('change', function (e) {
    if (e.target === form.rank_for) { load(); } else if (state.data) { render(); }
  });
  form.addEventListener('input', function (e) { if (e.target === form.min_net && state.data) { render(); } });
  form.addEventListener('submit', function (e) { e.preventDefault(); if (state.data) { render(); } });
  document.addEventListener('arbdesk:arbitrage_update', update);
  // The list is read once the socket's subscription is confirmed (at load and again after each reconnect): every
  // delta after that list then reaches the page, so none is missed between the read and the subscription. Without
  // the socket in time the list is read anyway, and read again when the subscription comes.
  document.addEventListener('arbdesk:market_subscribed', function () { clearTimeout(fallback); load(); });
  var fallback = setTimeout(function () { if (!state.data) { load(); } }, 2000);
  setInterval(tick, 1000);
  window.ArbDeskArbitrage = {
    row: function (k) { return state.data && state.data.opportunities.filter(function (o) { return key(o) === k; })[0]; }
  };
})();
