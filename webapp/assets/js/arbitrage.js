// The dashboard's arbitrage table: filters, sortable columns, "updated N s ago", refreshed when the
// server announces new opportunities (arbitrage_update over the WebSocket) and every 10 s if offline.
// Decimals stay strings (compared as strings); text goes in with textContent.
(function () {
  'use strict';
  var section = document.querySelector('[data-arbitrage]');
  if (!section) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var form = section.querySelector('[data-arb-filters]');
  var rows = section.querySelector('[data-arb-rows]');
  var updated = section.querySelector('[data-arb-updated]');
  var sourceBadge = section.querySelector('[data-arb-source]');
  var state = { data: null, sort: 'net', desc: true, updatedAt: 0, loading: false, all: false };
  var SHOWN = 20;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'btn btn-sm arb-more';
  more.setAttribute('data-testid', 'arb-more');
  more.hidden = true;
  section.querySelector('.table-wrap').after(more);
  more.addEventListener('click', function () { state.all = !state.all; render(); });

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

  function usd(plain) {
    return window.ArbDeskLive ? window.ArbDeskLive.formatUsd(plain) : plain;
  }

  function atSize(o) {
    var size = form.size.value;
    return o.sizes.filter(function (s) { return s.size_usd === size; })[0] || o.sizes[0] || null;
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

  function render() {
    var list = state.data.opportunities.slice();
    var textual = ['pair', 'buy_exchange', 'sell_exchange'].indexOf(state.sort) >= 0;
    list.sort(function (a, b) {
      var va = sortValue(a, state.sort), vb = sortValue(b, state.sort);
      var r = textual ? String(va).localeCompare(String(vb)) : cmp(va, vb);
      return state.desc ? -r : r;
    });
    rows.textContent = '';
    if (!list.length) {
      var tr = document.createElement('tr');
      var c = td('No opportunities match these filters right now.', 'empty');
      c.colSpan = 11;
      tr.appendChild(c);
      rows.appendChild(tr);
    }
    more.hidden = list.length <= SHOWN;
    more.textContent = state.all ? 'Show the best ' + SHOWN : 'Show all ' + list.length;
    list.slice(0, state.all ? list.length : SHOWN).forEach(function (o) {
      var s = atSize(o);
      var net = s ? s.net_pct : o.net_pct;
      var tr = document.createElement('tr');
      tr.className = net && net.charAt(0) !== '-' && net !== '0.0000' ? 'arb-pos' : '';
      tr.appendChild(td(o.pair));
      tr.appendChild(td(o.buy_exchange));
      tr.appendChild(td(o.sell_exchange));
      tr.appendChild(td(o.ask, 'num mono'));
      tr.appendChild(td(o.bid, 'num mono'));
      tr.appendChild(td(o.gross_pct, 'num mono'));
      tr.appendChild(td(net, 'num mono ' + (net && net.charAt(0) === '-' ? 'neg' : 'pos')));
      tr.appendChild(td(s ? s.base_amount + ' ' + o.pair.split('/')[0] + (s.fillable ? '' : ' (partial)') : null, 'num mono small'));
      tr.appendChild(td(s && s.profit_usd ? usd(s.profit_usd) : null, 'num mono ' + (s && s.profit_usd && s.profit_usd.charAt(0) === '-' ? 'neg' : '')));
      tr.appendChild(td((o.age_ms / 1000).toFixed(1) + ' s', 'num small'));
      var flags = td('', 'small');
      o.flags.forEach(function (f) {
        var b = document.createElement('span');
        b.className = 'badge badge-flag';
        b.textContent = f;
        flags.appendChild(b);
      });
      tr.appendChild(flags);
      rows.appendChild(tr);
    });
  }

  function fillSelect(select, values, label) {
    if (select.options.length > (label ? 1 : 0)) { return; }
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = label === 'size' ? '$' + Number(v).toLocaleString('en-US') : v;
      select.appendChild(o);
    });
  }

  function load() {
    if (state.loading) { return; }
    state.loading = true;
    var q = new URLSearchParams();
    ['pair', 'exchange', 'size', 'min_net'].forEach(function (k) { if (form[k].value) { q.set(k, form[k].value); } });
    fetch(base + '/api/arbitrage/opportunities?' + q.toString(), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.error) { throw new Error(data.error.message); }
        fillSelect(form.pair, data.pairs, 'pair');
        fillSelect(form.exchange, data.exchanges, 'exchange');
        fillSelect(form.size, data.sizes_usd, 'size');
        sourceBadge.textContent = data.source === 'simulated' ? 'simulated market data' : 'live market data';
        state.data = data;
        state.updatedAt = Date.parse(data.updated_at);
        section.setAttribute('data-updated-at', data.updated_at);
        render();
        tick();
      })
      .catch(function (e) { updated.textContent = 'Could not load: ' + e.message; })
      .then(function () { state.loading = false; });
  }

  function tick() {
    if (!state.updatedAt) { return; }
    updated.textContent = 'updated ' + Math.max(0, Math.round((Date.now() - state.updatedAt) / 1000)) + ' s ago';
  }

  section.querySelectorAll('th[data-sort]').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.desc = state.sort === key ? !state.desc : true;
      state.sort = key;
      if (state.data) { render(); }
    });
  });
  form.addEventListener('change', load);
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.addEventListener('arbdesk:arbitrage_update', load);
  setInterval(tick, 1000);
  setInterval(function () {
    var live = document.querySelector('[data-live-indicator]');
    if (!live || live.getAttribute('data-state') !== 'live') { load(); }
  }, 10000);
  load();
})();
