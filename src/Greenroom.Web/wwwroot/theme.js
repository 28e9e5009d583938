// Applies the saved theme before first paint; without a saved choice the system preference (CSS media query) rules.
(function () {
  try {
    var saved = localStorage.getItem('greenroom-theme');
    if (saved === 'dark' || saved === 'light') {
      document.documentElement.setAttribute('data-theme', saved);
    }
  } catch (e) { /* storage disabled: follow the system */ }
})();
