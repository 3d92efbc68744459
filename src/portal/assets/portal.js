// Small progressive enhancement for the Barrage portal. Every page works without it.
(function () {
  'use strict';
  // Copy buttons next to revealed secrets.
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy') || '').then(function () {
        button.textContent = 'Copied';
      });
    });
  });
  // A running replay refreshes its progress by itself (a Refresh link does it without script).
  var live = document.querySelector('[data-refresh]');
  if (live) {
    var seconds = Math.max(1, Number(live.getAttribute('data-refresh')) || 2);
    setTimeout(function () {
      window.location.reload();
    }, seconds * 1000);
  }
  // Buttons that end something ask once more before their form is sent.
  document.querySelectorAll('form button.danger').forEach(function (button) {
    button.form.addEventListener('submit', function (event) {
      if (!window.confirm(button.textContent + '?')) event.preventDefault();
    });
  });
})();
