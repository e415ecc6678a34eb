// Text for the deposit dialog: money as decimal strings (whole cents at most, never floating point),
// short transaction hashes, the status line, the network warning and how long the address takes payments.
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

  // Completed at the provider but not credited yet: held for review, or its value not known yet.
  function held(d) {
    return (d.flags || []).some(function (f) { return f === 'needs_review' || f === 'valuation_pending'; });
  }

  function statusText(d) {
    switch (d.status) {
      case 'pending': return 'Waiting for payment…';
      case 'confirming': return 'Payment seen, waiting for confirmations…';
      case 'partially_paid': return 'Received ' + (d.actually_paid || '0') + ' of ' + d.pay_amount + ' ' + d.currency;
      case 'completed':
        if (held(d)) { return 'Payment received. It is being checked before it is credited.'; }
        return 'Credited: +' + usd(d.credited_usd);
      case 'expired': return 'This deposit expired before a payment arrived.';
      case 'failed': return 'The payment failed: ' + (d.failure_reason || 'the provider did not accept it.');
      case 'refunded': return 'This payment was refunded.';
      default: return d.status;
    }
  }

  function warningText(currency, networkName) {
    return 'Send only ' + currency + ' on ' + networkName + '. Sending on another network loses the funds.';
  }

  window.ArbDeskDepositText = { usd: usd, cents: cents, fromCents: fromCents, shortHash: shortHash, validUntil: validUntilText,
    held: held, status: statusText, warning: warningText };
})();
