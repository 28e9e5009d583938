// Progressive enhancement only: every page works without this script.
(function () {
  'use strict';

  // Theme toggle: light <-> dark, remembered in localStorage.
  var toggle = document.querySelector('[data-theme-toggle]');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var root = document.documentElement;
      var current = root.getAttribute('data-theme') ||
        (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
      var next = current === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('greenroom-theme', next); } catch (e) { /* ignore */ }
    });
  }

  // Quick-find suggestions as you type (entity names and titles).
  var input = document.querySelector('input[data-suggest]');
  if (input && input.list) {
    var list = input.list;
    var timer = null;
    var lastTerm = '';
    var byLabel = {};
    input.addEventListener('input', function () {
      var term = input.value.trim();
      if (byLabel[input.value]) {
        window.location.href = byLabel[input.value];
        return;
      }
      if (term.length < 2 || term === lastTerm) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        lastTerm = term;
        fetch(input.getAttribute('data-suggest') + '?term=' + encodeURIComponent(term), { headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = '';
            byLabel = {};
            items.forEach(function (item) {
              var option = document.createElement('option');
              var label = item.title + ' (' + item.kind + ')';
              option.value = label;
              byLabel[label] = item.path;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  }
})();
