// Text for the deposit dialog: short transaction hashes, the status line, the network warning and how long
// the address takes payments. Money goes through ArbDeskFormat (format.js).
(function () {
  'use strict';
  var usd = window.ArbDeskFormat.usd;

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

  window.ArbDeskDepositText = { shortHash: shortHash, validUntil: validUntilText, held: held, status: statusText,
    warning: warningText };
})();
