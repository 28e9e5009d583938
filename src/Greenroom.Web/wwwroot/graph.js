// Draws the Dependencies graph from the JSON the server embedded, with dagre's layout. Progressive enhancement: the
// relations are in the page as lists; this only adds the picture. Every string from the catalog goes in through
// textContent or setAttribute, never as markup.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var NODE_FONT = '600 13px system-ui, sans-serif';
  var EDGE_FONT = '11px system-ui, sans-serif';
  var MAX_LABEL = 34;
  var measure = document.createElement('canvas').getContext('2d');

  function textWidth(text, font) {
    if (!measure) { return text.length * 7.5; }
    measure.font = font;
    return measure.measureText(text).width;
  }

  function shorten(text) {
    return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1) + '…' : text;
  }

  function svg(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { element.setAttribute(key, String(attributes[key])); });
    if (parent) { parent.appendChild(element); }
    return element;
  }

  function text(parent, attributes, content) {
    var element = svg('text', attributes, parent);
    element.textContent = content;
    return element;
  }

  // Only site paths the server generated (/catalog/...) become links.
  function safePath(path) {
    return typeof path === 'string' && path.charAt(0) === '/' && path.charAt(1) !== '/' && path.indexOf('\\') < 0 ? path : null;
  }

  function kindClass(kind) {
    return String(kind || 'unknown').toLowerCase().replace(/[^a-z0-9-]/g, '');
  }

  function draw(container) {
    var source = container.querySelector('script[data-graph-data]');
    var canvas = container.querySelector('[data-graph-canvas]');
    // A page may include this script once per graph component: each graph is drawn once.
    if (!source || !canvas || !window.dagre || container.hasAttribute('data-graph-drawn')) { return; }
    var data;
    try { data = JSON.parse(source.textContent); } catch (e) { return; }

    var graph = new window.dagre.graphlib.Graph({ multigraph: true });
    graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 90, edgesep: 14, marginx: 16, marginy: 16 });
    data.nodes.forEach(function (node) {
      var label = shorten(String(node.label));
      var kind = String(node.kind).toUpperCase();
      var width = Math.max(textWidth(label, NODE_FONT), textWidth(kind, EDGE_FONT)) + 26;
      graph.setNode(node.id, { width: Math.max(96, width), height: 46, node: node, shown: label, kindText: kind });
    });
    data.edges.forEach(function (edge, index) {
      if (!graph.hasNode(edge.from) || !graph.hasNode(edge.to)) { return; }
      var label = String(edge.label);
      graph.setEdge(edge.from, edge.to, { label: label, width: textWidth(label, EDGE_FONT) + 8, height: 16, labelpos: 'c' }, 'e' + index);
    });
    window.dagre.layout(graph);

    var size = graph.graph();
    var width = Math.ceil(size.width || 200);
    var height = Math.ceil(size.height || 100);
    var root = svg('svg', {
      'class': 'graph-svg', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'group', 'aria-label': 'Relations graph: ' + data.nodes.length + ' entities'
    });
    var defs = svg('defs', {}, root);
    var marker = svg('marker', { id: 'graph-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', 'class': 'graph-arrow' }, marker);

    var edgeLayer = svg('g', { 'class': 'graph-edges' }, root);
    graph.edges().forEach(function (e) {
      var edge = graph.edge(e);
      var d = edge.points.map(function (p, i) { return (i === 0 ? 'M ' : 'L ') + p.x.toFixed(1) + ' ' + p.y.toFixed(1); }).join(' ');
      var group = svg('g', { 'class': 'graph-edge' }, edgeLayer);
      svg('path', { d: d, 'marker-end': 'url(#graph-arrow)' }, group);
      if (typeof edge.x === 'number') {
        svg('rect', { 'class': 'graph-edge-label-bg', x: edge.x - edge.width / 2, y: edge.y - edge.height / 2, width: edge.width, height: edge.height, rx: 3 }, group);
        text(group, { 'class': 'graph-edge-label', x: edge.x, y: edge.y + 4, 'text-anchor': 'middle' }, edge.label);
      }
    });

    var nodeLayer = svg('g', { 'class': 'graph-nodes' }, root);
    graph.nodes().forEach(function (id) {
      var layout = graph.node(id);
      var node = layout.node;
      var path = safePath(node.path);
      var parent = path ? svg('a', { href: path, 'class': 'graph-node-link' }, nodeLayer) : nodeLayer;
      var classes = 'graph-node kind-' + kindClass(node.kind) + (node.root ? ' graph-root' : '') + (path ? '' : ' graph-missing');
      var group = svg('g', { 'class': classes, 'data-ref': id, transform: 'translate(' + (layout.x - layout.width / 2).toFixed(1) + ',' + (layout.y - layout.height / 2).toFixed(1) + ')' }, parent);
      var title = svg('title', {}, group);
      title.textContent = node.label + ' (' + id + ')' + (path ? '' : ' — not in the catalog');
      var box = svg('rect', { width: layout.width, height: layout.height, rx: 7 }, group);
      box.style.fill = 'var(--kind-' + kindClass(node.kind) + ', var(--muted))';
      text(group, { 'class': 'graph-node-kind', x: 12, y: 17 }, layout.kindText);
      text(group, { 'class': 'graph-node-label', x: 12, y: 35 }, layout.shown);
    });

    canvas.textContent = '';
    canvas.appendChild(root);
    canvas.hidden = false;
    var list = container.querySelector('[data-graph-list]');
    if (list) { list.open = false; }
    container.setAttribute('data-graph-drawn', 'true');
  }

  document.querySelectorAll('[data-entity-graph]').forEach(draw);
})();
