// The spread history chart of one route (pair, buy exchange, sell exchange), opened from the arbitrage
// table: gross and net spread at each size over 1 h / 24 h / 7 d / 30 d from GET /api/arbitrage/history,
// lanes under the plot marking when each size was profitable, and the live point appended on every
// arbitrage_update (the route's row in the dashboard's list once its delta is applied). uPlot (the WebJar inside the WAR) is loaded only when a chart first opens.
// Spreads arrive as decimal strings; they become numbers here only to be plotted.
(function () {
  'use strict';
  var dialog = document.querySelector('[data-arb-chart]');
  if (!dialog) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var UPLOT = base + '/webjars/uplot/1.6.30/dist/';
  var plotBox = dialog.querySelector('[data-arb-chart-plot]');
  var title = dialog.querySelector('[data-arb-chart-title]');
  var status = dialog.querySelector('[data-arb-chart-status]');
  var COLORS = ['#10b981', '#f5a524', '#a78bfa', '#f472b6'];
  var GROSS = '#3b82f6';
  var LANE = 6;
  var state = { route: null, range: '1h', sizes: [], data: null, profitable: [], plot: null, livePoints: 0, lastT: 0, seq: 0 };
  var loading = null;

  function loadUplot() {
    if (window.uPlot) { return Promise.resolve(); }
    if (loading) { return loading; }
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = UPLOT + 'uPlot.min.css';
      document.head.appendChild(css);
      var js = document.createElement('script');
      js.src = UPLOT + 'uPlot.iife.min.js';
      js.onload = function () { resolve(); };
      js.onerror = function () { loading = null; reject(new Error('the chart library did not load')); };
      document.head.appendChild(js);
    });
    return loading;
  }

  function num(s) { return s === null || s === undefined ? null : Number(s); }

  function money(size) { return '$' + window.ArbDeskFormat.group(size); }

  // One x axis (seconds) for every size; a size without a point at some t gets null (a gap).
  function build(resp) {
    var times = {};
    resp.sizes.forEach(function (z) { z.points.forEach(function (p) { times[p.t] = true; }); });
    var xs = Object.keys(times).map(Number).sort(function (a, b) { return a - b; });
    var index = {};
    xs.forEach(function (t, i) { index[t] = i; });
    var gross = xs.map(function () { return null; });
    state.sizes = resp.sizes.map(function (z) { return z.size_usd; });
    var nets = resp.sizes.map(function () { return xs.map(function () { return null; }); });
    state.profitable = resp.sizes.map(function () { return xs.map(function () { return false; }); });
    resp.sizes.forEach(function (z, k) {
      z.points.forEach(function (p) {
        var i = index[p.t];
        if (gross[i] === null) { gross[i] = num(p.gross_pct); }
        nets[k][i] = num(p.net_pct);
        state.profitable[k][i] = p.profitable_samples > 0;
      });
    });
    state.lastT = xs.length ? xs[xs.length - 1] : 0;
    state.span = Date.parse(resp.to) - Date.parse(resp.from);
    state.to = Date.parse(resp.to);
    state.data = [xs.map(function (t) { return t / 1000; }), gross].concat(nets);
  }

  // The x axis always spans the whole range (1 h, 24 h, ...), ending at the newest point.
  function xRange() {
    var end = Math.max(state.to || 0, state.lastT) / 1000;
    return [end - state.span / 1000, end];
  }

  // Dashed zero line (the profitability threshold), then one lane per size at the foot of the plot,
  // filled where that size was profitable.
  function drawLanes(u) {
    var ctx = u.ctx;
    var xs = u.data[0];
    var zero = u.valToPos(0, 'y', true);
    if (zero >= u.bbox.top && zero <= u.bbox.top + u.bbox.height) {
      ctx.save();
      ctx.strokeStyle = '#8b9bab';
      ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, zero);
      ctx.lineTo(u.bbox.left + u.bbox.width, zero);
      ctx.stroke();
      ctx.restore();
    }
    var top = u.bbox.top + u.bbox.height - state.sizes.length * LANE * devicePixelRatio;
    ctx.save();
    state.profitable.forEach(function (flags, k) {
      ctx.fillStyle = COLORS[k % COLORS.length];
      var y = top + k * LANE * devicePixelRatio;
      for (var i = 0; i < xs.length; i++) {
        if (!flags[i]) { continue; }
        var x0 = u.valToPos(xs[i], 'x', true);
        var x1 = i + 1 < xs.length ? u.valToPos(xs[i + 1], 'x', true) : x0 + 3 * devicePixelRatio;
        ctx.fillRect(x0, y, Math.max(2 * devicePixelRatio, x1 - x0), (LANE - 1) * devicePixelRatio);
      }
    });
    ctx.restore();
  }

  function size() {
    var w = Math.max(240, plotBox.clientWidth);
    return { width: w, height: w < 500 ? 240 : 320 };
  }

  function draw() {
    if (state.plot) { state.plot.destroy(); state.plot = null; }
    plotBox.textContent = '';
    var css = getComputedStyle(document.documentElement);
    var ink = css.getPropertyValue('--muted').trim() || '#8b9bab';
    var grid = css.getPropertyValue('--line').trim() || '#223140';
    var pct = function (u, vals) { return vals.map(function (v) { return v === null ? '' : v.toFixed(2) + ' %'; }); };
    var series = [{}, { label: 'gross', stroke: GROSS, width: 1.5, value: function (u, v) { return v === null ? '—' : v.toFixed(4) + ' %'; } }];
    state.sizes.forEach(function (s, k) {
      series.push({ label: 'net ' + money(s), stroke: COLORS[k % COLORS.length], width: 1.5, spanGaps: false,
        value: function (u, v) { return v === null ? '—' : v.toFixed(4) + ' %'; } });
    });
    var box = size();
    state.plot = new window.uPlot({
      width: box.width, height: box.height,
      series: series,
      scales: { x: { time: true, range: xRange } },
      axes: [
        { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
        { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: pct, size: 64 }
      ],
      cursor: { y: false },
      hooks: { draw: [drawLanes] }
    }, state.data, plotBox);
  }

  function describe() {
    var n = state.data ? state.data[0].length : 0;
    status.textContent = n ? n + ' points' + (state.livePoints ? ', ' + state.livePoints + ' live' : '') +
      ' · last ' + new Date(state.lastT).toLocaleTimeString() : 'No history yet for this route: points appear as the scanner polls.';
    status.setAttribute('data-points', String(n));
    status.setAttribute('data-live-points', String(state.livePoints));
    status.setAttribute('data-range', state.range);
  }

  function load() {
    var seq = ++state.seq;
    var r = state.route;
    var q = new URLSearchParams({ route: r.pair + '|' + r.buy + '|' + r.sell, range: state.range });
    status.textContent = 'Loading…';
    status.removeAttribute('data-range');
    return Promise.all([loadUplot(), fetch(base + '/api/arbitrage/history?' + q.toString(), { credentials: 'same-origin' })
      .then(function (res) { return res.json(); })])
      .then(function (both) {
        var resp = both[1];
        if (seq !== state.seq) { return; }
        if (resp.error) { throw new Error(resp.error.message); }
        state.livePoints = 0;
        build(resp);
        draw();
        describe();
      })
      .catch(function (e) { if (seq === state.seq) { status.textContent = 'Could not load the history: ' + e.message; } });
  }

  // The live point: the route's current row in the dashboard's list (arbitrage.js), as each announcement left it.
  function live(e) {
    if (!dialog.open || !state.data || !state.plot || !window.ArbDeskArbitrage) { return; }
    var r = state.route;
    var o = window.ArbDeskArbitrage.row(r.pair + '|' + r.buy + '|' + r.sell);
    var t = Date.parse(e.detail.updated_at);
    if (!o || !(t > state.lastT) || o.flags.indexOf('stale') >= 0 || o.flags.indexOf('implausible') >= 0) { return; }
    state.lastT = t;
    state.data[0].push(t / 1000);
    state.data[1].push(num(o.gross_pct));
    state.sizes.forEach(function (s, k) {
      var at = o.sizes.filter(function (z) { return z.size_usd === s; })[0];
      var net = at && at.fillable ? at.net_pct : null;
      state.data[2 + k].push(num(net));
      state.profitable[k].push(net !== null && Number(net) > 0);
    });
    if (!state.sizes.length) { load(); return; }
    state.livePoints++;
    state.plot.setData(state.data);
    describe();
  }

  dialog.querySelectorAll('[data-range]').forEach(function (b) {
    b.addEventListener('click', function () {
      state.range = b.getAttribute('data-range');
      dialog.querySelectorAll('[data-range]').forEach(function (x) {
        x.classList.toggle('active', x === b);
        x.setAttribute('aria-pressed', x === b ? 'true' : 'false');
      });
      load();
    });
  });
  dialog.addEventListener('close', function () {
    state.seq++;
    if (state.plot) { state.plot.destroy(); state.plot = null; }
  });
  window.addEventListener('resize', function () {
    if (state.plot) { state.plot.setSize(size()); }
  });
  document.addEventListener('arbdesk:arbitrage_rows', live);

  window.ArbDeskChart = {
    open: function (route) {
      state.route = route;
      state.data = null;
      title.textContent = route.pair + ': buy on ' + route.buy + ', sell on ' + route.sell;
      if (!dialog.open) { dialog.showModal(); }
      load();
    }
  };
})();
