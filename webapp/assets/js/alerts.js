// The alerts page: rules (create, edit, enable/disable, delete), recent firings, the webhook URL and its
// signing secret, and the delivery log with redelivery, all through /api/alerts. Viewing the page marks
// every firing seen (the badge clears); a live alert_fired refreshes the lists. Text goes in with textContent.
(function () {
  'use strict';
  var root = document.querySelector('[data-alerts]');
  if (!root) { return; }
  var base = document.body.getAttribute('data-base') || '';
  var csrf = document.body.getAttribute('data-csrf') || '';
  var form = root.querySelector('[data-rule-form]');
  var ruleRows = root.querySelector('[data-rule-rows]');
  var ruleError = root.querySelector('[data-rule-error]');
  var firingRows = document.querySelector('[data-firing-rows]');
  var deliveryRows = document.querySelector('[data-delivery-rows]');
  var hookForm = document.querySelector('[data-webhook-form]');
  var hookError = document.querySelector('[data-webhook-error]');
  var secretEl = document.querySelector('[data-webhook-secret]');
  var revealBtn = document.querySelector('[data-webhook-reveal]');
  var secret = null;
  var group = window.ArbDeskFormat.group;

  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json', 'X-CSRF-Token': csrf } };
    if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return fetch(base + '/api/alerts' + path, opts).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error((j && j.error && j.error.message) || ('HTTP ' + r.status)); }
        return j;
      });
    });
  }

  function td(text, cls, label) {
    var c = document.createElement('td');
    c.textContent = text;
    if (cls) { c.className = cls; }
    if (label) { c.setAttribute('data-label', label); }
    return c;
  }

  function empty(body, cols, text) {
    body.textContent = '';
    var tr = document.createElement('tr');
    var c = td(text, 'empty');
    c.colSpan = cols;
    tr.appendChild(c);
    body.appendChild(tr);
  }

  function button(text, cls, onClick, testid) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-sm ' + (cls || '');
    b.textContent = text;
    if (testid) { b.setAttribute('data-testid', testid); }
    b.addEventListener('click', onClick);
    return b;
  }

  function route(o) {
    return (o.pair || 'Any pair') + ' · ' + (o.buy_exchange || 'any') + ' → ' + (o.sell_exchange || 'any');
  }

  function when(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : ''; }

  function showError(el, err) {
    el.textContent = err ? err.message : '';
    el.hidden = !err;
  }

  function ruleBody() {
    return {
      pair: form.pair.value, buy_exchange: form.buy_exchange.value, sell_exchange: form.sell_exchange.value,
      size_usd: form.size_usd.value, min_net_pct: form.min_net_pct.value.trim(),
      min_duration_seconds: /^\d+$/.test(form.min_duration_seconds.value.trim()) ? Number(form.min_duration_seconds.value.trim()) : -1,
      enabled: form.enabled.checked
    };
  }

  function resetForm() {
    form.id.value = '';
    form.querySelector('[data-testid=rule-save]').textContent = 'Add rule';
    form.querySelector('[data-rule-cancel]').hidden = true;
  }

  function edit(r) {
    form.id.value = r.id;
    form.pair.value = r.pair || '';
    form.buy_exchange.value = r.buy_exchange || '';
    form.sell_exchange.value = r.sell_exchange || '';
    form.size_usd.value = r.size_usd;
    form.min_net_pct.value = r.min_net_pct;
    form.min_duration_seconds.value = r.min_duration_seconds;
    form.enabled.checked = r.enabled;
    form.querySelector('[data-testid=rule-save]').textContent = 'Save rule';
    form.querySelector('[data-rule-cancel]').hidden = false;
    form.scrollIntoView({ block: 'nearest' });
  }

  function loadRules() {
    return api('GET', '/rules').then(function (data) {
      root.querySelector('[data-rule-count]').textContent = data.rules.length;
      if (!data.rules.length) { empty(ruleRows, 6, 'No rules yet: add one above.'); return; }
      ruleRows.textContent = '';
      data.rules.forEach(function (r) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-rule-id', r.id);
        tr.appendChild(td(route(r), '', 'Route'));
        tr.appendChild(td('$' + group(r.size_usd), 'num mono', 'Size'));
        tr.appendChild(td(r.min_net_pct + ' %', 'num mono', 'Net ≥'));
        tr.appendChild(td(r.min_duration_seconds + ' s', 'num mono', 'For ≥'));
        var state = td('', '', 'State');
        var badge = document.createElement('span');
        badge.className = 'badge ' + (r.enabled ? 'badge-success' : 'badge-muted');
        badge.textContent = r.enabled ? 'on' : 'off';
        state.appendChild(badge);
        tr.appendChild(state);
        var actions = td('', 'row-actions');
        actions.appendChild(button(r.enabled ? 'Turn off' : 'Turn on', 'btn-ghost', function () {
          var body = { pair: r.pair, buy_exchange: r.buy_exchange, sell_exchange: r.sell_exchange, size_usd: r.size_usd,
            min_net_pct: r.min_net_pct, min_duration_seconds: r.min_duration_seconds, enabled: !r.enabled };
          api('PUT', '/rules/' + r.id, body).then(loadRules, function (e) { showError(ruleError, e); });
        }, 'rule-toggle'));
        actions.appendChild(button('Edit', 'btn-ghost', function () { edit(r); }, 'rule-edit'));
        actions.appendChild(button('Delete', 'btn-ghost', function () {
          api('DELETE', '/rules/' + r.id).then(function () { resetForm(); loadRules(); }, function (e) { showError(ruleError, e); });
        }, 'rule-delete'));
        tr.appendChild(actions);
        ruleRows.appendChild(tr);
      });
    });
  }

  function loadFirings() {
    return api('GET', '/firings').then(function (data) {
      if (!data.firings.length) { empty(firingRows, 5, 'Nothing fired yet.'); return; }
      firingRows.textContent = '';
      data.firings.forEach(function (f) {
        var tr = document.createElement('tr');
        tr.appendChild(td(when(f.fired_at), 'nowrap muted', 'When'));
        tr.appendChild(td(route(f), '', 'Route'));
        tr.appendChild(td('$' + group(f.size_usd), 'num mono', 'Size'));
        tr.appendChild(td(f.net_pct + ' %', 'num mono', 'Net'));
        tr.appendChild(td(f.held_seconds + ' s', 'num mono', 'Held'));
        firingRows.appendChild(tr);
      });
    });
  }

  function attemptsText(d) {
    if (!d.attempt_log.length) { return 'not tried yet'; }
    return d.attempt_log.map(function (a) {
      return '#' + a.attempt + ' ' + (a.status_code ? a.status_code : (a.error || 'error'));
    }).join(', ');
  }

  function loadDeliveries() {
    return api('GET', '/deliveries').then(function (list) {
      if (!list.length) { empty(deliveryRows, 5, 'No deliveries yet: set a webhook URL and they appear here.'); return; }
      deliveryRows.textContent = '';
      list.forEach(function (d) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-delivery-status', d.status);
        tr.appendChild(td(when(d.created_at), 'nowrap muted', 'Created'));
        var id = td(d.delivery_id.slice(0, 8) + (d.redelivery_of ? ' (redelivery)' : ''), 'mono', 'Delivery');
        id.title = d.delivery_id + ' → ' + d.url;
        tr.appendChild(id);
        var st = td('', '', 'Status');
        var badge = document.createElement('span');
        badge.className = 'badge ' + (d.status === 'delivered' ? 'badge-success' : 'badge-muted');
        badge.textContent = d.status + (d.status === 'pending' && d.next_attempt_at ? ' · next ' + when(d.next_attempt_at) : '');
        st.appendChild(badge);
        tr.appendChild(st);
        tr.appendChild(td(attemptsText(d), 'small', 'Attempts'));
        var actions = td('', 'row-actions');
        actions.appendChild(button('Redeliver', 'btn-ghost', function () {
          api('POST', '/deliveries/' + d.id + '/redeliver').then(loadDeliveries, function (e) { window.ArbDeskLive.toast(e.message, 'info'); });
        }, 'redeliver'));
        tr.appendChild(actions);
        deliveryRows.appendChild(tr);
      });
    });
  }

  function showHook(h) {
    hookForm.url.value = h.url || '';
    secret = h.secret;
    secretEl.textContent = secret ? secret.slice(0, 10) + '••••••••••••' : 'none yet (made when you save a URL)';
    secretEl.classList.toggle('muted', !secret);
    revealBtn.hidden = !secret;
    revealBtn.textContent = 'Reveal';
  }

  function loadHook() { return api('GET', '/webhook').then(showHook); }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var id = form.id.value;
    var p = id ? api('PUT', '/rules/' + id, ruleBody()) : api('POST', '/rules', ruleBody());
    p.then(function () { showError(ruleError, null); resetForm(); loadRules(); }, function (err) { showError(ruleError, err); });
  });
  form.querySelector('[data-rule-cancel]').addEventListener('click', resetForm);
  hookForm.addEventListener('submit', function (e) {
    e.preventDefault();
    api('PUT', '/webhook', { url: hookForm.url.value.trim() }).then(function (h) { showError(hookError, null); showHook(h); },
      function (err) { showError(hookError, err); });
  });
  revealBtn.addEventListener('click', function () {
    var shown = revealBtn.textContent === 'Hide';
    secretEl.textContent = shown ? secret.slice(0, 10) + '••••••••••••' : secret;
    revealBtn.textContent = shown ? 'Reveal' : 'Hide';
  });
  document.querySelector('[data-webhook-rotate]').addEventListener('click', function () {
    api('POST', '/webhook/secret').then(function (h) { showHook(h); revealBtn.click(); }, function (err) { showError(hookError, err); });
  });

  function seen() {
    return api('POST', '/firings/seen').then(function () { window.ArbDeskAlerts.setBadge(0); });
  }

  document.addEventListener('arbdesk:alert_fired', function () { loadFirings().then(seen); loadDeliveries(); });
  var deliveryTimer = setInterval(function () { if (!document.hidden) { loadDeliveries(); } }, 5000);
  window.addEventListener('pagehide', function () { clearInterval(deliveryTimer); });
  loadRules();
  loadFirings().then(seen);
  loadHook();
  loadDeliveries();
})();
