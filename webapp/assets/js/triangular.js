// The arbitrage card's "Triangular" tab: cycles within one exchange from GET /api/arbitrage/triangular
// (USDT through two coins and back), best net first, re-read with the scanner's announcements while the
// tab is shown. Decimals stay strings; text goes in with textContent.
(function () {
  'use strict';
  var panel = document.querySelector('[data-triangular]');
  if (!panel) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var section = panel.closest('[data-arbitrage]');
  var rows = panel.querySelector('[data-tri-rows]');
  var tabs = section.querySelectorAll('[data-arb-tab]');
  var MAX_ROWS = 60;
  var loading = false;

  function td(text, cls) {
    var c = document.createElement('td');
    c.textContent = text === null || text === undefined ? '—' : text;
    if (cls) { c.className = cls; }
    return c;
  }

  function cut(plain, places) {
    if (!plain) { return plain; }
    var p = plain.split('.');
    return p.length === 1 || places === 0 ? p[0] : p[0] + '.' + (p[1] + '0'.repeat(places)).slice(0, places);
  }

  function render(data) {
    rows.textContent = '';
    if (!data.cycles.length) {
      var tr = document.createElement('tr');
      var c = td('No exchange quotes three books that close a cycle right now.', 'empty');
      c.colSpan = 6;
      tr.appendChild(c);
      rows.appendChild(tr);
    }
    data.cycles.slice(0, MAX_ROWS).forEach(function (cy) {
      var tr = document.createElement('tr');
      tr.className = cy.net_pct && cy.net_pct.charAt(0) !== '-' && cy.net_pct !== '0.0000' ? 'arb-pos' : '';
      tr.appendChild(td(cy.exchange));
      tr.appendChild(td(cy.path.join(' → ')));
      tr.appendChild(td(cut(cy.start, 2) + ' ' + data.start_asset, 'num mono'));
      tr.appendChild(td(cy.fillable ? cut(cy.end, 2) + ' ' + data.start_asset : 'not fillable', 'num mono'));
      tr.appendChild(td(cy.net_pct, 'num mono ' + (cy.net_pct && cy.net_pct.charAt(0) === '-' ? 'neg' : 'pos')));
      tr.appendChild(td(cy.legs.map(function (l) { return l.side + ' ' + l.pair; }).join(', '), 'tri-legs'));
      rows.appendChild(tr);
    });
    panel.setAttribute('data-count', String(data.cycles.length));
  }

  function load() {
    if (loading || panel.hidden) { return; }
    loading = true;
    fetch(base + '/api/arbitrage/triangular', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.error) { throw new Error(data.error.message); }
        render(data);
      })
      .catch(function (e) { rows.textContent = ''; rows.appendChild(td('Could not load: ' + e.message, 'empty')); })
      .then(function () { loading = false; });
  }

  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () {
      var which = tab.getAttribute('data-arb-tab');
      tabs.forEach(function (t) {
        t.classList.toggle('active', t === tab);
        t.setAttribute('aria-selected', t === tab ? 'true' : 'false');
      });
      section.querySelectorAll('[data-arb-panel]').forEach(function (p) {
        p.hidden = p.getAttribute('data-arb-panel') !== which;
      });
      load();
    });
  });
  document.addEventListener('arbdesk:arbitrage_update', load);
})();
