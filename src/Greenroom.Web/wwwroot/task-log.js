// Follows a scaffolder task live (server-sent events) on the task page; without script the page shows the log so far.
(function () {
  'use strict';
  var section = document.querySelector('[data-task-stream]');
  if (!section || !window.EventSource) { return; }
  var log = section.querySelector('[data-task-log]');
  var status = section.querySelector('[data-task-status]');
  var output = section.querySelector('[data-task-output]');
  var after = section.getAttribute('data-after') || '0';
  var source = new EventSource(section.getAttribute('data-task-stream') + '?after=' + encodeURIComponent(after));

  function safeHref(url) {
    // Output links come from templates: only http(s) and site-relative links are followed.
    if (typeof url !== 'string') { return null; }
    if (/^\/(?!\/)/.test(url)) { return url; }
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) { return null; }
  }

  function entityPath(ref) {
    var m = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(ref || '');
    if (!m) { return null; }
    return '/catalog/' + encodeURIComponent(m[2] || 'default') + '/' + encodeURIComponent(m[1].toLowerCase()) + '/' + encodeURIComponent(m[3]);
  }

  function handle(e) {
    var data = JSON.parse(e.data);
    var body = data.body || {};
    if (body.message) { log.textContent += (log.textContent ? '\n' : '') + body.message; }
    if (body.stepId && body.status) {
      var step = section.querySelector('[data-step="' + CSS.escape(body.stepId) + '"]');
      if (step) {
        step.className = 'step status-' + body.status;
        step.querySelector('[data-step-status]').textContent = body.status;
      }
    }
    if (data.type === 'completion') {
      source.close();
      status.textContent = body.status || 'completed';
      status.className = 'task-status status-' + status.textContent;
      if (body.error && body.error.message) {
        var error = document.createElement('div');
        error.className = 'notice error';
        error.setAttribute('role', 'alert');
        error.textContent = body.error.message;
        output.appendChild(error);
      }
      var links = (body.output && body.output.links) || [];
      if (links.length) {
        var heading = document.createElement('h2');
        heading.textContent = 'Result';
        var list = document.createElement('ul');
        list.className = 'task-links';
        links.forEach(function (link) {
          var href = safeHref(link.url) || entityPath(link.entityRef);
          if (!href) { return; }
          var item = document.createElement('li');
          var a = document.createElement('a');
          a.href = href;
          a.textContent = link.title || href;
          item.appendChild(a);
          list.appendChild(item);
        });
        output.appendChild(heading);
        output.appendChild(list);
      }
    } else {
      status.textContent = 'processing';
    }
  }

  source.addEventListener('log', handle);
  source.addEventListener('completion', handle);
  source.onerror = function () { if (source.readyState === EventSource.CLOSED) { return; } };
})();
