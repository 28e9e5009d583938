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

  // Suggestions as you type in every search box (the header's and the search page's): titles of entities,
  // templates and docs pages; choosing one goes straight to it, Enter searches.
  Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest]'), function (input) {
    if (!input.list) { return; }
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
          .then(function (data) {
            var items = Array.isArray(data) ? data : (data.suggestions || []);
            list.textContent = '';
            byLabel = {};
            items.forEach(function (item) {
              var target = item.path || item.location;
              // Only paths inside the portal are followed.
              if (!target || target.charAt(0) !== '/' || target.charAt(1) === '/') { return; }
              var option = document.createElement('option');
              var label = item.title + ' (' + (item.kind || item.type) + ')';
              option.value = label;
              byLabel[label] = target;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  });
})();
