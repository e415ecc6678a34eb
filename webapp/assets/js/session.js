// Loaded in the head, before any page script: a session that ends while a page is open (expired, revoked,
// logged out elsewhere) sends the user to the login page, which brings them back here afterwards. Any
// same-origin API call answering 401 on a logged-in page does it; live.js does it for a socket closed 4401.
(function () {
  'use strict';
  function base() { return document.body ? document.body.getAttribute('data-base') || '' : ''; }

  function toLogin() {
    var here = window.location.pathname.slice(base().length) + window.location.search;
    window.location.assign(base() + '/login?next=' + encodeURIComponent(here || '/'));
  }

  var plainFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    return plainFetch(input, init).then(function (r) {
      var url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
      var api = base() + '/api/';
      if (r.status === 401 && url.origin === window.location.origin && url.pathname.indexOf(api) === 0
          && url.pathname.indexOf(api + 'auth/') !== 0 && document.body.hasAttribute('data-user')) {
        toLogin();
      }
      return r;
    });
  };
  window.ArbDeskPage = { toLogin: toLogin };
})();
