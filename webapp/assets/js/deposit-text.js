// Text for the deposit dialog: money as decimal strings (whole cents at most, never floating point),
// short transaction hashes, and the sentence about how long the address takes payments.
(function () {
  'use strict';
  // "1234.5" -> "$1,234.50", by string manipulation only.
  function usd(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
    if (!m) { return String(text); }
    var frac = (m[3] || '').length > 2 ? m[3] : ((m[3] || '') + '00').slice(0, 2);
    return m[1] + '$' + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + frac;
  }
  // Whole cents of "50" or "49.9" (exact integers: amounts are capped far below 2^53 cents).
  function cents(text) {
    var m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text));
    return m ? parseInt(m[1], 10) * 100 + parseInt(((m[2] || '') + '00').slice(0, 2), 10) : 0;
  }
  function fromCents(c) { return Math.floor(c / 100) + '.' + String(100 + c % 100).slice(1); }

  function shortHash(h) { return h.length > 14 ? h.slice(0, 6) + '\u2026' + h.slice(-6) : h; }

  function validUntilText(d) {
    if (!d.valid_until || d.status !== 'pending') { return ''; }
    var until = new Date(d.valid_until);
    var days = Math.round((until.getTime() - Date.now()) / 86400000);
    var when = until.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    return 'This address takes payments until ' + when + (days >= 1 ? ' (' + days + (days === 1 ? ' day' : ' days') + ')' : '')
      + '. The amount is guaranteed for the time shown below; after that it is refreshed at the current rate.';
  }

  window.ArbDeskDepositText = { usd: usd, cents: cents, fromCents: fromCents, shortHash: shortHash, validUntil: validUntilText };
})();
