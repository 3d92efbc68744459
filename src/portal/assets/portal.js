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
  // A running replay's progress is fetched again every few seconds and replaced in place (focus and
  // reading position stay), until it is done; without script, a Refresh link does the same.
  var live = document.querySelector('[data-refresh]');
  if (live && window.fetch && window.DOMParser) {
    var seconds = Math.max(1, Number(live.getAttribute('data-refresh')) || 2);
    var refresh = function () {
      fetch(window.location.href, { credentials: 'same-origin' })
        .then(function (res) {
          return res.ok ? res.text() : Promise.reject(res.status);
        })
        .then(function (text) {
          var next = new DOMParser().parseFromString(text, 'text/html').getElementById(live.id);
          if (!next) return;
          live.innerHTML = next.innerHTML;
          if (next.hasAttribute('data-refresh')) setTimeout(refresh, seconds * 1000);
          else
            document.querySelectorAll('[data-refresh-link]').forEach(function (a) {
              a.hidden = true;
            });
        })
        .catch(function () {
          setTimeout(refresh, seconds * 4000);
        });
    };
    setTimeout(refresh, seconds * 1000);
  }
  // Figures that are slow to count (a Temporal visibility count) come from their own small page.
  document.querySelectorAll('[data-fill]').forEach(function (slot) {
    if (!window.fetch || !window.DOMParser) return;
    fetch(slot.getAttribute('data-fill'), { credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.text() : Promise.reject(res.status);
      })
      .then(function (text) {
        var fill = new DOMParser().parseFromString(text, 'text/html').getElementById('fill');
        if (fill) slot.textContent = fill.textContent;
      })
      .catch(function () {
        /* the link stays */
      });
  });
  // Buttons that end something ask once more before their form is sent.
  document.querySelectorAll('form button.danger').forEach(function (button) {
    button.form.addEventListener('submit', function (event) {
      if (!window.confirm(button.textContent + '?')) event.preventDefault();
    });
  });
})();
