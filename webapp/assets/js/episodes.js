// The dashboard's opportunity log: episodes of the last 24 h from GET /api/arbitrage/episodes, filterable,
// with the typical (median) duration per route and a CSV export link carrying the same filters. Refreshed
// with the scanner's announcements (at most every 10 s). Text goes in with textContent; decimals stay strings.
(function () {
  'use strict';
  var section = document.querySelector('[data-episodes]');
  if (!section) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var form = section.querySelector('[data-episodes-filters]');
  var rows = section.querySelector('[data-episodes-rows]');
  var typical = section.querySelector('[data-episodes-typical]');
  var csv = section.querySelector('[data-episodes-csv]');
  var MAX_ROWS = 200;
  var lastLoad = 0;
  var loading = false;

  function duration(seconds) {
    if (seconds < 60) { return seconds + ' s'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s'; }
    return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
  }

  function td(text, cls) {
    var c = document.createElement('td');
    c.textContent = text;
    if (cls) { c.className = cls; }
    return c;
  }

  function route(o) { return o.pair + ' ' + o.buy_exchange + ' → ' + o.sell_exchange; }

  function empty(body, text) {
    var tr = document.createElement('tr');
    var c = td(text, 'empty');
    c.colSpan = 5;
    tr.appendChild(c);
    body.appendChild(tr);
  }

  function fill(select, values, money) {
    if (select.options.length > 1) { return; }
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = money ? '$' + window.ArbDeskFormat.group(v) : v;
      select.appendChild(o);
    });
  }

  function query() {
    var q = new URLSearchParams();
    ['pair', 'exchange', 'size', 'min_duration'].forEach(function (k) { if (form[k].value) { q.set(k, form[k].value); } });
    return q.toString();
  }

  function render(data) {
    typical.textContent = '';
    rows.textContent = '';
    if (!data.typical.length) { empty(typical, 'No route was profitable in the last 24 h with these filters.'); }
    data.typical.forEach(function (t) {
      var tr = document.createElement('tr');
      tr.appendChild(td(route(t)));
      tr.appendChild(td('$' + window.ArbDeskFormat.group(t.size_usd), 'num'));
      tr.appendChild(td(String(t.episodes), 'num'));
      tr.appendChild(td(duration(t.median_duration_seconds), 'num'));
      tr.appendChild(td(t.best_peak_net_pct, 'num mono pos'));
      typical.appendChild(tr);
    });
    if (!data.episodes.length) { empty(rows, 'No episodes in the last 24 h with these filters.'); }
    data.episodes.slice(0, MAX_ROWS).forEach(function (e) {
      var tr = document.createElement('tr');
      tr.appendChild(td(route(e)));
      tr.appendChild(td('$' + window.ArbDeskFormat.group(e.size_usd), 'num'));
      tr.appendChild(td(new Date(e.started_at).toLocaleTimeString()));
      tr.appendChild(td(duration(e.duration_seconds) + (e.ongoing ? ' (ongoing)' : ''), 'num' + (e.ongoing ? ' ep-ongoing' : '')));
      tr.appendChild(td(e.peak_net_pct, 'num mono pos'));
      rows.appendChild(tr);
    });
    if (data.episodes.length > MAX_ROWS) {
      empty(rows, 'Showing the newest ' + MAX_ROWS + ' of ' + data.episodes.length + ' episodes; the CSV has them all.');
    }
    section.setAttribute('data-count', String(data.episodes.length));
  }

  function load() {
    if (loading) { return; }
    loading = true;
    lastLoad = Date.now();
    var q = query();
    csv.href = base + '/api/arbitrage/episodes/csv' + (q ? '?' + q : '');
    fetch(base + '/api/arbitrage/episodes' + (q ? '?' + q : ''), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.error) { throw new Error(data.error.message); }
        fill(form.pair, data.pairs, false);
        fill(form.exchange, data.exchanges, false);
        fill(form.size, data.sizes_usd, true);
        render(data);
      })
      .catch(function (e) { rows.textContent = ''; empty(rows, 'Could not load the log: ' + e.message); })
      .then(function () { loading = false; });
  }

  form.addEventListener('change', load);
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.addEventListener('arbdesk:arbitrage_update', function () {
    if (Date.now() - lastLoad >= 10000) { load(); }
  });
  load();
})();
