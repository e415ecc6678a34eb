// The one place the browser formats money and status badges, loaded in the head before every other script.
// Money stays a decimal string: grouped and padded as text, added and subtracted as whole cents (exact
// integers), never through a float. Dates in tables are the server's (the rows come from the server).
(function () {
  'use strict';
  // "1234567" -> "1,234,567"
  function group(whole) {
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // "1234.5" -> "$1,234.50", "-3" -> "-$3.00"; more than 2 decimals are kept as given (exact digits).
  function usd(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
    if (!m) { return String(text); }
    var frac = (m[3] || '').length > 2 ? m[3] : ((m[3] || '') + '00').slice(0, 2);
    return m[1] + '$' + group(m[2]) + '.' + frac;
  }

  // Whole cents of "50" or "49.9" (exact integers: amounts are capped far below 2^53 cents).
  function cents(text) {
    var m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text));
    return m ? parseInt(m[1], 10) * 100 + parseInt(((m[2] || '') + '00').slice(0, 2), 10) : 0;
  }

  // 4990 -> "49.90"
  function fromCents(c) { return Math.floor(c / 100) + '.' + String(100 + c % 100).slice(1); }

  // The classes of a status badge, as the server's status tag writes them.
  function statusClass(status) { return 'badge badge-status status-' + status; }

  window.ArbDeskFormat = { group: group, usd: usd, cents: cents, fromCents: fromCents, statusClass: statusClass };
})();
