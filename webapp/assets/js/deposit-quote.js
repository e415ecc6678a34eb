// The deposit dialog's two clocks: the quoted amount holds until expires_at (minutes), the address takes
// payments until valid_until (days). When the quote lapses the amount is refreshed at the current rate
// (POST /api/deposits/{id}/quote); the deposit itself has not expired, so the countdown never says so.
(function () {
  'use strict';

  // deps: api(method, path, body), render(deposit), current() -> the deposit shown, countdown and note elements
  function create(deps) {
    var busy = false;
    var retryAt = 0;

    function tick() {
      var el = deps.countdown;
      var d = deps.current();
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
      refresh(d);
    }

    function refresh(d) {
      if (busy || Date.now() < retryAt) { return; }
      busy = true;
      var before = d.pay_amount;
      deps.api('POST', '/deposits/' + d.transaction_id + '/quote', {}).then(function (fresh) {
        busy = false;
        var shown = deps.current();
        if (!shown || shown.transaction_id !== fresh.transaction_id) { return; }
        if (fresh.expires_at === d.expires_at || !(Date.parse(fresh.expires_at) > Date.now())) {
          retryAt = Date.now() + 2000; // not lapsed yet at the server, or paid meanwhile: ask again shortly
          if (fresh.status !== d.status) { deps.render(fresh); }
          return;
        }
        deps.render(fresh);
        deps.note.textContent = 'The amount was refreshed at the current rate'
          + (before && before !== fresh.pay_amount ? ' (it was ' + before + ' ' + fresh.currency + ').' : '.');
        deps.note.hidden = false;
      }, function (e) {
        busy = false;
        retryAt = Date.now() + (e.status === 503 ? 10000 : 5000);
      });
    }

    return { tick: tick };
  }

  window.ArbDeskDepositQuote = { create: create };
})();
