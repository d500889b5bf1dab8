// The PaperGraph map page: reads the JSON in #data, draws the map on a canvas and fills the panels and tables.
// Every text from the data goes in with textContent or createTextNode, never as markup.
(function () {
  'use strict';

  var started = performance.now();
  var data = JSON.parse(document.getElementById('data').textContent);
  var concepts = data.concepts;
  var papers = data.papers;
  var communities = data.communities;
  var numberFormat = new Intl.NumberFormat('en');

  // ---------- small helpers ----------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function svg(tag, attributes) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, String(attributes[k])); });
    return e;
  }

  function fmt(value, digits) {
    if (value === null || value === undefined) { return '\u2013'; }
    if (Number.isInteger(value)) { return numberFormat.format(value); }
    if (value !== 0 && Math.abs(value) < 0.001) { return value.toExponential(2); }
    return value.toFixed(digits === undefined ? 3 : digits);
  }

  function percent(value) { return (value * 100).toFixed(2) + '%'; }

  function normalise(text) { return String(text).toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim(); }

  function monthName(first, offset) {
    var y = Number(first.slice(0, 4));
    var m = Number(first.slice(5, 7)) - 1 + offset;
    y += Math.floor(m / 12);
    m = ((m % 12) + 12) % 12;
    return y + '-' + (m < 9 ? '0' : '') + (m + 1);
  }

  // ---------- communities ----------

  var communityOf = new Map();
  communities.forEach(function (c) { communityOf.set(c.id, { info: c, visible: true }); });
  function colourOf(concept) { return communityOf.get(concept.community).info.color; }
  function visible(concept) { return communityOf.get(concept.community).visible; }

  // ---------- the map ----------

  var canvas = document.getElementById('map');
  var context = canvas.getContext('2d');
  var tooltip = document.getElementById('tooltip');
  var showLinks = document.getElementById('show-links');
  var view = { scale: 1, x: 0, y: 0 };
  var width = 0;
  var height = 0;
  var ratio = 1;
  var hovered = -1;
  var selected = -1;
  var drawn = false;
  var frameRequested = false;
  var labelFont = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var labelWidths = new Float32Array(concepts.length);
  var labelTexts = concepts.map(function (c) { return c.name.length > 40 ? c.name.slice(0, 39) + '\u2026' : c.name; });

  // Radius in screen pixels at zoom 1, from topic centrality (or papers when a measure is missing): area ~ measure.
  var radius = (function () {
    var values = concepts.map(function (c) { return c.topic !== null ? c.topic : (c.pageRank !== null ? c.pageRank : c.papers); });
    var max = values.reduce(function (a, b) { return Math.max(a, b); }, 0) || 1;
    return values.map(function (v) { return 2.5 + 16 * Math.sqrt(Math.max(v, 0) / max); });
  })();

  var bounds = (function () {
    var b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    concepts.forEach(function (c) {
      b.minX = Math.min(b.minX, c.x); b.maxX = Math.max(b.maxX, c.x);
      b.minY = Math.min(b.minY, c.y); b.maxY = Math.max(b.maxY, c.y);
    });
    if (!isFinite(b.minX)) { b = { minX: -1, minY: -1, maxX: 1, maxY: 1 }; }
    return b;
  })();

  // The links drawn on the map: each concept's four strongest links to concepts on the map, once per pair (all of
  // them would be 6 lines a concept, slow to draw with thousands of concepts and no clearer).
  var linkKeys = new Set();
  var links = [];
  concepts.forEach(function (c, i) {
    c.neighbours.filter(function (n) { return n.concept >= 0; }).slice(0, 4).forEach(function (n) {
      var a = Math.min(i, n.concept);
      var b = Math.max(i, n.concept);
      if (!linkKeys.has(a * concepts.length + b)) { linkKeys.add(a * concepts.length + b); links.push([a, b]); }
    });
  });

  function screenX(c) { return c.x * view.scale + view.x; }
  function screenY(c) { return c.y * view.scale + view.y; }

  // Dots grow slower than the zoom so that a zoomed-in map spreads out instead of filling up.
  function dotRadius(i) { return radius[i] * Math.pow(view.scale / fitScale(), 0.35); }

  // The legend covers the map's left side on a wide screen: the whole map is fitted beside it.
  function leftInset() {
    var legend = document.getElementById('legend');
    return width > 900 && legend ? legend.offsetWidth + 16 : 0;
  }

  function fitScale() {
    var w = Math.max(bounds.maxX - bounds.minX, 1e-9);
    var h = Math.max(bounds.maxY - bounds.minY, 1e-9);
    return Math.max(Math.min((width - leftInset() - 40 - rightPad()) / w, (height - 80) / h), 1e-9);
  }

  // Labels are written to the right of their dots: room for them beside the rightmost dots.
  function rightPad() { return Math.min(160, width * 0.15); }

  function fit() {
    view.scale = fitScale();
    view.x = leftInset() + 40 + (width - leftInset() - 40 - rightPad()) / 2 - (bounds.minX + bounds.maxX) / 2 * view.scale;
    view.y = height / 2 - (bounds.minY + bounds.maxY) / 2 * view.scale;
    requestDraw();
  }

  function resize() {
    var rect = canvas.getBoundingClientRect();
    var firstTime = width === 0;
    var oldCentre = firstTime ? null : { x: (width / 2 - view.x) / view.scale, y: (height / 2 - view.y) / view.scale };
    width = Math.max(rect.width, 1);
    height = Math.max(rect.height, 1);
    ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    if (firstTime) {
      fit();
    } else {
      view.x = width / 2 - oldCentre.x * view.scale;
      view.y = height / 2 - oldCentre.y * view.scale;
    }
    draw();
  }

  function requestDraw() {
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(function () { frameRequested = false; draw(); });
    }
  }

  function draw() {
    var drawStart = performance.now();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);

    if (showLinks.checked && links.length > 0) {
      context.beginPath();
      for (var l = 0; l < links.length; l++) {
        var a = concepts[links[l][0]];
        var b = concepts[links[l][1]];
        if (visible(a) && visible(b)) {
          context.moveTo(screenX(a), screenY(a));
          context.lineTo(screenX(b), screenY(b));
        }
      }
      context.strokeStyle = 'rgba(90, 100, 120, 0.10)';
      context.lineWidth = 1;
      context.stroke();
    }

    var focus = selected >= 0 ? selected : hovered;
    if (focus >= 0) {
      var f = concepts[focus];
      context.beginPath();
      f.neighbours.forEach(function (n) {
        if (n.concept >= 0 && visible(concepts[n.concept])) {
          context.moveTo(screenX(f), screenY(f));
          context.lineTo(screenX(concepts[n.concept]), screenY(concepts[n.concept]));
        }
      });
      context.strokeStyle = 'rgba(36, 86, 199, 0.55)';
      context.lineWidth = 1.5;
      context.stroke();
    }

    // Dots, smallest last drawn first so that the central ones stay on top; one path per community.
    var margin = 30;
    var byColour = new Map();
    for (var i = concepts.length - 1; i >= 0; i--) {
      var c = concepts[i];
      if (!visible(c)) { continue; }
      var x = screenX(c);
      var y = screenY(c);
      var r = dotRadius(i);
      if (x < -margin || y < -margin || x > width + margin || y > height + margin) { continue; }
      var colour = colourOf(c);
      var path = byColour.get(colour);
      if (!path) { path = new Path2D(); byColour.set(colour, path); }
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
    }
    context.globalAlpha = 0.85;
    byColour.forEach(function (path, colour) { context.fillStyle = colour; context.fill(path); });
    context.globalAlpha = 1;

    if (focus >= 0) {
      var fc = concepts[focus];
      context.beginPath();
      context.arc(screenX(fc), screenY(fc), dotRadius(focus) + 3, 0, 2 * Math.PI);
      context.strokeStyle = '#1d2330';
      context.lineWidth = 2;
      context.stroke();
    }

    drawLabels(focus);
    api.lastDrawMs = performance.now() - drawStart;
    api.slowestDrawMs = Math.max(api.slowestDrawMs, api.lastDrawMs);

    if (!drawn) {
      drawn = true;
      // Milliseconds since the navigation started (performance.now's origin), and since this script started.
      api.firstDrawMs = performance.now();
      api.scriptToFirstDrawMs = performance.now() - started;
      document.documentElement.setAttribute('data-map-ready', 'true');
    }
  }

  // Labels in order of centrality, each only where it overlaps no label already placed (a grid of placed boxes).
  function drawLabels(focus) {
    context.font = labelFont;
    context.textBaseline = 'middle';
    var cell = 64;
    var grid = new Map();
    var placed = 0;
    var budget = Math.max(40, Math.round(width * height / 5000));

    function overlaps(box) {
      for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
          var list = grid.get(gx + ',' + gy);
          if (!list) { continue; }
          for (var k = 0; k < list.length; k++) {
            var o = list[k];
            if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) { return true; }
          }
        }
      }
      return false;
    }

    function place(box) {
      for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
          var key = gx + ',' + gy;
          var list = grid.get(key);
          if (!list) { list = []; grid.set(key, list); }
          list.push(box);
        }
      }
    }

    function label(i, force) {
      var c = concepts[i];
      var x = screenX(c);
      var y = screenY(c);
      if (x < 0 || y < 0 || x > width || y > height) { return; }
      if (!labelWidths[i]) { labelWidths[i] = context.measureText(labelTexts[i]).width; }
      var r = dotRadius(i);
      var box = [x + r + 2, y - 8, x + r + 6 + labelWidths[i], y + 8];
      if (!force && overlaps(box)) { return; }
      place(box);
      placed++;
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(labelTexts[i], box[0] + 2, y);
      context.fillStyle = i === focus ? '#000' : '#1d2330';
      context.fillText(labelTexts[i], box[0] + 2, y);
    }

    if (focus >= 0) { label(focus, true); }
    for (var i = 0; i < concepts.length && placed < budget; i++) {
      if (i !== focus && visible(concepts[i]) && dotRadius(i) >= 3) { label(i, false); }
    }
  }

  function conceptAt(px, py) {
    var best = -1;
    var bestDistance = Infinity;
    for (var i = 0; i < concepts.length; i++) {
      var c = concepts[i];
      if (!visible(c)) { continue; }
      var dx = screenX(c) - px;
      var dy = screenY(c) - py;
      var d = dx * dx + dy * dy;
      var r = Math.max(dotRadius(i), 6);
      if (d <= r * r && d < bestDistance) { best = i; bestDistance = d; }
    }
    return best;
  }

  function zoomAt(px, py, factor) {
    var min = fitScale() / 4;
    var max = fitScale() * 400;
    var scale = Math.min(max, Math.max(min, view.scale * factor));
    factor = scale / view.scale;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.scale = scale;
    requestDraw();
  }

  var animation = 0;
  function centreOn(i) {
    var c = concepts[i];
    var targetScale = Math.max(view.scale, fitScale() * 3);
    var from = { scale: view.scale, x: view.x, y: view.y };
    var to = { scale: targetScale, x: width / 2 - c.x * targetScale, y: height / 2 - c.y * targetScale };
    var start = performance.now();
    var id = ++animation;
    function step(now) {
      if (id !== animation) { return; }
      var t = Math.min(1, (now - start) / 350);
      var e = t * (2 - t);
      view.scale = from.scale + (to.scale - from.scale) * e;
      view.x = from.x + (to.x - from.x) * e;
      view.y = from.y + (to.y - from.y) * e;
      draw();
      if (t < 1) { requestAnimationFrame(step); }
    }
    requestAnimationFrame(step);
  }

  // Pointer events serve mouse, pen and touch alike: one pointer pans, two pinch-zoom.
  var pointers = new Map();
  var press = null;
  var pinch = null;

  function local(event) {
    var rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  canvas.addEventListener('pointerdown', function (event) {
    canvas.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, local(event));
    animation++;
    if (pointers.size === 1) {
      press = { start: local(event), last: local(event), moved: false };
      canvas.classList.add('dragging');
    } else if (pointers.size === 2) {
      var p = Array.from(pointers.values());
      pinch = { distance: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) };
      press = null;
    }
  });

  canvas.addEventListener('pointermove', function (event) {
    var point = local(event);
    if (pointers.has(event.pointerId)) { pointers.set(event.pointerId, point); }
    if (pinch && pointers.size === 2) {
      var p = Array.from(pointers.values());
      var distance = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      if (pinch.distance > 0) { zoomAt((p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2, distance / pinch.distance); }
      pinch.distance = distance;
      return;
    }
    if (press) {
      if (Math.hypot(point.x - press.start.x, point.y - press.start.y) > 4) { press.moved = true; }
      if (press.moved) {
        view.x += point.x - press.last.x;
        view.y += point.y - press.last.y;
        press.last = point;
        hideTooltip();
        requestDraw();
        return;
      }
    }
    if (event.pointerType === 'mouse' || event.pointerType === 'pen') { hover(conceptAt(point.x, point.y), point); }
  });

  function release(event) {
    var wasClick = press && !press.moved && pointers.size === 1;
    pointers.delete(event.pointerId);
    if (pointers.size < 2) { pinch = null; }
    if (wasClick && event.type === 'pointerup') {
      var point = local(event);
      var i = conceptAt(point.x, point.y);
      if (i >= 0) { select(i, false); } else { closePanel(); }
    }
    if (pointers.size === 0) { press = null; canvas.classList.remove('dragging'); }
  }

  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  canvas.addEventListener('pointerleave', function (event) { if (event.pointerType === 'mouse') { hover(-1, null); } });

  // A mouse wheel zooms; a trackpad pinch arrives as a wheel with ctrlKey (finer steps); a two-finger scroll pans.
  canvas.addEventListener('wheel', function (event) {
    event.preventDefault();
    animation++;
    var point = local(event);
    var unit = event.deltaMode === 1 ? 16 : (event.deltaMode === 2 ? height : 1);
    if (!event.ctrlKey && event.deltaMode === 0 && Math.abs(event.deltaX) > 0) {
      view.x -= event.deltaX;
      view.y -= event.deltaY;
      requestDraw();
      return;
    }
    zoomAt(point.x, point.y, Math.exp(-event.deltaY * unit * (event.ctrlKey ? 0.01 : 0.0015)));
  }, { passive: false });

  canvas.addEventListener('keydown', function (event) {
    var keys = { '+': 1.25, '=': 1.25, '-': 0.8 };
    if (keys[event.key]) { zoomAt(width / 2, height / 2, keys[event.key]); }
    if (event.key === 'Escape') { closePanel(); }
  });

  document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(width / 2, height / 2, 1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(width / 2, height / 2, 1 / 1.5); });
  document.getElementById('zoom-fit').addEventListener('click', fit);
  showLinks.addEventListener('change', requestDraw);

  function hover(i, point) {
    if (i !== hovered) { hovered = i; requestDraw(); }
    if (i < 0 || !point) { hideTooltip(); return; }
    var c = concepts[i];
    tooltip.textContent = c.name + ' \u2014 ' + numberFormat.format(c.papers) + (c.papers === 1 ? ' paper' : ' papers');
    tooltip.hidden = false;
    tooltip.style.left = Math.min(point.x + 14, width - tooltip.offsetWidth - 4) + 'px';
    tooltip.style.top = (point.y + 14) + 'px';
  }

  function hideTooltip() { tooltip.hidden = true; }

  // ---------- the side panel ----------

  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');
  document.getElementById('panel-close').addEventListener('click', closePanel);

  function closePanel() {
    panel.hidden = true;
    selected = -1;
    requestDraw();
    requestAnimationFrame(resize);
  }

  function select(i, centre) {
    var c = concepts[i];
    var community = communityOf.get(c.community);
    if (!community.visible) { community.visible = true; syncLegend(); }
    selected = i;
    var wasHidden = panel.hidden;
    fillPanel(c);
    panel.hidden = false;
    if (wasHidden) { resize(); }
    if (centre) { centreOn(i); } else { requestDraw(); }
  }

  function definitionList(rows) {
    var dl = el('dl');
    rows.forEach(function (row) {
      dl.appendChild(el('dt', null, row[0]));
      dl.appendChild(el('dd', null, row[1]));
    });
    return dl;
  }

  function fillPanel(c) {
    panelBody.textContent = '';
    panelBody.appendChild(el('h2', null, c.name));
    var sub = c.longForm && c.longForm !== c.name ? c.longForm + ' \u00b7 ' : '';
    panelBody.appendChild(el('p', 'sub', sub + numberFormat.format(c.papers) + ' papers \u00b7 key: ' + c.key));

    var community = communityOf.get(c.community).info;
    panelBody.appendChild(el('h3', null, 'Measures'));
    panelBody.appendChild(definitionList([
      ['topic centrality', fmt(c.topic)],
      ['PageRank', fmt(c.pageRank)],
      ['betweenness', fmt(c.betweenness)],
      ['eigenvector', fmt(c.eigenvector)],
      ['keyphraseness', fmt(c.keyphraseness)],
      ['degree', fmt(c.degree)],
      ['core', fmt(c.core)],
      ['community', community.name],
    ]));

    panelBody.appendChild(el('h3', null, 'Written as'));
    var forms = el('ul', 'forms');
    c.forms.forEach(function (f) { forms.appendChild(el('li', null, f.form + ' (' + numberFormat.format(f.count) + ')')); });
    panelBody.appendChild(forms);

    if (c.firstMonth && c.months.length > 0) {
      panelBody.appendChild(el('h3', null, 'Papers per month'));
      panelBody.appendChild(chart(c.firstMonth, c.months));
    }

    panelBody.appendChild(el('h3', null, 'Strongest links'));
    var list = el('ul', 'neighbours');
    c.neighbours.forEach(function (n) {
      var item = el('li');
      var head = el('div', 'head');
      if (n.concept >= 0) {
        var button = el('button', null, n.name);
        button.type = 'button';
        button.addEventListener('click', function () { select(n.concept, true); });
        head.appendChild(button);
      } else {
        head.appendChild(el('strong', null, n.name));
      }
      head.appendChild(el('span', null, numberFormat.format(n.papers) + ' shared \u00b7 weight ' + fmt(n.weight, 2)));
      item.appendChild(head);
      var evidence = el('ul', 'evidence');
      n.evidence.forEach(function (p) { evidence.appendChild(paperItem(papers[p])); });
      item.appendChild(evidence);
      list.appendChild(item);
    });
    if (c.neighbours.length === 0) { list.appendChild(el('li', null, 'No links.')); }
    panelBody.appendChild(list);
  }

  function paperItem(paper) {
    var item = el('li');
    item.appendChild(el('span', 'title', paper.title || '(no title)'));
    item.appendChild(document.createTextNode(' '));
    var meta = el('span', 'meta');
    if (paper.date) { meta.appendChild(document.createTextNode(paper.date + ' \u00b7 ')); }
    if (paper.arxiv) {
      var link = el('a', null, paper.id);
      link.href = 'https://arxiv.org/abs/' + paper.id;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      meta.appendChild(link);
    } else {
      meta.appendChild(document.createTextNode(paper.id));
    }
    item.appendChild(meta);
    return item;
  }

  // A bar chart of a monthly series: bars in an inline SVG stretched to the width, and a caption under it with the
  // first and last month and the peak (text outside the SVG, so it is not stretched with the bars).
  function chart(firstMonth, months) {
    var w = 360;
    var h = 76;
    var max = Math.max.apply(null, months.concat([1]));
    var figure = el('figure', 'chart');
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, preserveAspectRatio: 'none', role: 'img' });
    var barWidth = w / months.length;
    var bar = Math.max(barWidth - 0.3, 0.6).toFixed(2);
    var path = '';
    months.forEach(function (v, k) {
      if (v > 0) {
        path += 'M' + (k * barWidth).toFixed(2) + ' ' + h + 'h' + bar + 'v' + (-(h - 2) * v / max).toFixed(2) + 'h-' + bar + 'z';
      }
    });
    root.appendChild(svg('path', { d: path || 'M0 0', class: 'bar' }));
    var last = monthName(firstMonth, months.length - 1);
    var label = svg('title');
    label.textContent = 'Papers per month, ' + firstMonth + ' to ' + last + '; peak ' + max;
    root.appendChild(label);
    figure.appendChild(root);
    var caption = el('figcaption');
    caption.appendChild(el('span', null, firstMonth));
    caption.appendChild(el('span', null, 'peak ' + numberFormat.format(max) + ' a month'));
    caption.appendChild(el('span', null, last));
    figure.appendChild(caption);
    return figure;
  }

  // ---------- search ----------

  var search = document.getElementById('search');
  var matches = document.getElementById('matches');
  var searchIndex = concepts.map(function (c) {
    return { name: normalise(c.name), key: normalise(c.key), forms: c.forms.map(function (f) { return normalise(f.form); }) };
  });
  var current = [];
  var active = 0;

  function find(text) {
    var wanted = normalise(text);
    if (wanted.length === 0) { return []; }
    var found = [];
    for (var i = 0; i < concepts.length; i++) {
      var s = searchIndex[i];
      var score = -1;
      var form = null;
      if (s.name.indexOf(wanted) === 0 || s.key.indexOf(wanted) === 0) {
        score = 0;
      } else if (s.name.indexOf(' ' + wanted) >= 0 || s.key.indexOf(' ' + wanted) >= 0) {
        score = 1;
      } else if (s.name.indexOf(wanted) >= 0 || s.key.indexOf(wanted) >= 0) {
        score = 2;
      } else {
        for (var k = 0; k < s.forms.length; k++) {
          if (s.forms[k].indexOf(wanted) >= 0) { score = s.forms[k].indexOf(wanted) === 0 ? 3 : 4; form = concepts[i].forms[k].form; break; }
        }
      }
      if (score >= 0) { found.push({ index: i, score: score, form: form }); }
    }
    found.sort(function (a, b) { return a.score - b.score || a.index - b.index; });
    return found.slice(0, 12);
  }

  function showMatches() {
    current = find(search.value);
    active = 0;
    matches.textContent = '';
    current.forEach(function (m, k) {
      var item = el('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', k === active ? 'true' : 'false');
      item.appendChild(el('span', null, concepts[m.index].name));
      item.appendChild(el('span', 'form', m.form ? 'as \u201c' + m.form + '\u201d' : numberFormat.format(concepts[m.index].papers) + ' papers'));
      item.addEventListener('pointerdown', function (event) { event.preventDefault(); choose(k); });
      matches.appendChild(item);
    });
    if (search.value.trim() && current.length === 0) { matches.appendChild(el('li', 'form', 'No concept on the map matches.')); }
    matches.hidden = !search.value.trim();
    // The first match is shown at once, so typing part of a name is enough.
    if (current.length > 0) { select(current[0].index, true); }
  }

  function choose(k) {
    if (!current[k]) { return; }
    matches.hidden = true;
    select(current[k].index, true);
  }

  search.addEventListener('input', showMatches);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = Math.max(0, Math.min(current.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      Array.prototype.forEach.call(matches.children, function (item, k) { item.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
      if (current[active]) { select(current[active].index, true); }
    } else if (event.key === 'Enter') {
      choose(active);
    } else if (event.key === 'Escape') {
      matches.hidden = true;
    }
  });
  search.addEventListener('blur', function () { matches.hidden = true; });
  search.addEventListener('focus', function () { if (search.value.trim()) { matches.hidden = false; } });

  // ---------- legend ----------

  var legendList = document.getElementById('legend-list');
  var legendBoxes = new Map();
  communities.forEach(function (c) {
    var item = el('li');
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.addEventListener('change', function () {
      communityOf.get(c.id).visible = box.checked;
      if (selected >= 0 && !visible(concepts[selected])) { closePanel(); }
      requestDraw();
    });
    legendBoxes.set(c.id, box);
    var swatch = el('span', 'swatch');
    swatch.style.background = c.color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el('span', 'name', c.name));
    label.appendChild(el('span', 'size', numberFormat.format(c.size)));
    item.appendChild(label);
    legendList.appendChild(item);
  });

  function syncLegend() { communityOf.forEach(function (state, id) { legendBoxes.get(id).checked = state.visible; }); requestDraw(); }
  function showAll(value) { communityOf.forEach(function (state) { state.visible = value; }); if (!value) { closePanel(); } syncLegend(); }
  document.getElementById('legend-all').addEventListener('click', function () { showAll(true); });
  document.getElementById('legend-none').addEventListener('click', function () { showAll(false); });

  // The tables and the corpus summary are filled after the first draw of the map, so that the map shows first.
  function fillTables() {
    // ---------- tables ----------

    function conceptButton(i, name) {
      if (i < 0) { return el('span', null, name); }
      var button = el('button', null, name);
      button.type = 'button';
      button.addEventListener('click', function () {
        document.getElementById('map-section').scrollIntoView({ behavior: 'smooth' });
        select(i, true);
      });
      return button;
    }

    // A table from columns { title, value(row), text(row)?, cell(row)? } whose headers sort it (click again to reverse).
    function table(id, columns, rows) {
      var element = document.getElementById(id);
      var headRow = el('tr');
      var body = element.tBodies[0];
      var order = { column: -1, descending: false };
      columns.forEach(function (column, k) {
        var th = el('th', column.className, column.title);
        th.setAttribute('data-sort', '');
        th.setAttribute('scope', 'col');
        th.addEventListener('click', function () { sortBy(k); });
        headRow.appendChild(th);
      });
      element.tHead.appendChild(headRow);

      function render(list) {
        body.textContent = '';
        var fragment = document.createDocumentFragment();
        list.forEach(function (row) {
          var tr = el('tr');
          columns.forEach(function (column) {
            var td = el('td');
            if (column.cell) { td.appendChild(column.cell(row)); } else { td.textContent = column.text ? column.text(row) : String(column.value(row)); }
            tr.appendChild(td);
          });
          fragment.appendChild(tr);
        });
        body.appendChild(fragment);
      }

      function sortBy(k) {
        order.descending = order.column === k ? !order.descending : columns[k].descending === true;
        order.column = k;
        var value = columns[k].value;
        var sorted = rows.slice().sort(function (a, b) {
          var x = value(a);
          var y = value(b);
          if (x === null || x === undefined) { return 1; }
          if (y === null || y === undefined) { return -1; }
          var c = typeof x === 'string' ? x.localeCompare(y) : x - y;
          return order.descending ? -c : c;
        });
        Array.prototype.forEach.call(headRow.children, function (th, j) {
          if (j === k) { th.setAttribute('aria-sort', order.descending ? 'descending' : 'ascending'); } else { th.removeAttribute('aria-sort'); }
        });
        render(sorted);
      }

      render(rows);
      return { sortBy: sortBy };
    }

    var ranked = concepts.map(function (c, i) { return { rank: i + 1, index: i, concept: c }; });
    table('central-table', [
      { title: '#', value: function (r) { return r.rank; } },
      { title: 'Concept', value: function (r) { return r.concept.name.toLowerCase(); }, cell: function (r) { return conceptButton(r.index, r.concept.name); } },
      { title: 'Papers', value: function (r) { return r.concept.papers; }, text: function (r) { return fmt(r.concept.papers); }, descending: true },
      { title: 'Topic', value: function (r) { return r.concept.topic; }, text: function (r) { return fmt(r.concept.topic); }, descending: true },
      { title: 'PageRank', value: function (r) { return r.concept.pageRank; }, text: function (r) { return fmt(r.concept.pageRank); }, descending: true },
      { title: 'Betweenness', value: function (r) { return r.concept.betweenness; }, text: function (r) { return fmt(r.concept.betweenness); }, descending: true },
      { title: 'Degree', value: function (r) { return r.concept.degree; }, text: function (r) { return fmt(r.concept.degree); }, descending: true },
      { title: 'Community', className: 'text', value: function (r) { return communityOf.get(r.concept.community).info.name; } },
    ], ranked);

    var risingNote = document.getElementById('rising-note');
    risingNote.textContent = data.rising.length > 0
      ? 'Share of the corpus\u2019s papers in the last ' + data.corpus.windowMonths + ' months against the ' + data.corpus.windowMonths +
        ' months before, surest rise first (G\u00b2, the log-likelihood ratio of the two windows), as \u2018papergraph trends\u2019 lists them.'
      : 'No concept rose (or the papers have no dates to compare).';
    table('rising-table', [
      { title: '#', value: function (r) { return r.rank; } },
      { title: 'Concept', value: function (r) { return r.name.toLowerCase(); }, cell: function (r) { return conceptButton(r.concept, r.name); } },
      { title: 'Recent papers', value: function (r) { return r.recent; }, text: function (r) { return fmt(r.recent); }, descending: true },
      { title: 'Share now', value: function (r) { return r.recentShare; }, text: function (r) { return percent(r.recentShare); }, descending: true },
      { title: 'Before', value: function (r) { return r.previousShare; }, text: function (r) { return percent(r.previousShare); }, descending: true },
      { title: 'Growth', value: function (r) { return r.growth; }, text: function (r) { return fmt(r.growth, 2); }, descending: true },
      { title: 'G\u00b2', value: function (r) { return r.g2; }, text: function (r) { return fmt(r.g2, 1); }, descending: true },
    ], data.rising.map(function (r, k) { return Object.assign({ rank: k + 1 }, r); }));

    table('burst-table', [
      { title: '#', value: function (r) { return r.rank; } },
      { title: 'Concept', value: function (r) { return r.name.toLowerCase(); }, cell: function (r) { return conceptButton(r.concept, r.name); } },
      { title: 'From', value: function (r) { return r.start; } },
      { title: 'To', value: function (r) { return r.end; } },
      { title: 'Strength', value: function (r) { return r.strength; }, text: function (r) { return fmt(r.strength, 1); }, descending: true },
    ], data.bursts.map(function (b, k) { return Object.assign({ rank: k + 1 }, b); }));

    // ---------- corpus ----------

    var corpus = data.corpus;
    var corpusList = document.getElementById('corpus-list');
    [
      ['papers', fmt(corpus.papers)],
      ['dated papers', fmt(corpus.datedPapers) + (corpus.undatedPapers > 0 ? ' (' + fmt(corpus.undatedPapers) + ' without a year and month)' : '')],
      ['dates', corpus.from ? corpus.from + ' to ' + corpus.to : 'none'],
      ['concepts in the graph', fmt(corpus.graphConcepts)],
      ['links in the graph', fmt(corpus.graphEdges)],
      ['concepts on this map', fmt(corpus.mapConcepts) + ' (the most central)'],
      ['communities on this map', fmt(corpus.communities)],
    ].forEach(function (row) {
      corpusList.appendChild(el('dt', null, row[0]));
      corpusList.appendChild(el('dd', null, row[1]));
    });
    if (corpus.firstMonth && corpus.months.length > 0) { document.getElementById('corpus-chart').appendChild(chart(corpus.firstMonth, corpus.months)); }
    var settingsList = document.getElementById('settings-list');
    corpus.settings.forEach(function (s) {
      settingsList.appendChild(el('dt', null, s.key));
      settingsList.appendChild(el('dd', null, s.value));
    });
    if (corpus.settings.length === 0) { settingsList.appendChild(el('dd', null, 'not recorded (no summary.json in the workspace)')); }

  }

  // ---------- start, and the hook the browser tests use ----------

  var api = {
    firstDrawMs: null,
    scriptToFirstDrawMs: null,
    lastDrawMs: 0,
    slowestDrawMs: 0,
    count: concepts.length,
    indexOf: function (key) {
      for (var i = 0; i < concepts.length; i++) { if (concepts[i].key === key) { return i; } }
      return -1;
    },
    // Where concept i is drawn, in page coordinates (CSS pixels of the viewport), or null when it is hidden.
    screenPositionOf: function (i) {
      if (i < 0 || i >= concepts.length || !visible(concepts[i])) { return null; }
      var rect = canvas.getBoundingClientRect();
      return { x: rect.left + screenX(concepts[i]), y: rect.top + screenY(concepts[i]), radius: dotRadius(i) };
    },
    selected: function () { return selected; },
    view: function () { return { scale: view.scale, x: view.x, y: view.y }; },
  };
  window.paperGraphMap = api;

  document.getElementById('title').textContent = data.title;
  if (window.ResizeObserver) { new ResizeObserver(function () { resize(); }).observe(canvas); }
  resize();
  setTimeout(fillTables, 0);

  // A link to map.html#concept=<key or name> opens on that concept.
  var wanted = /^#concept=(.+)$/.exec(window.location.hash);
  if (wanted) {
    var text = decodeURIComponent(wanted[1]);
    var found = api.indexOf(text) >= 0 ? api.indexOf(text) : (find(text)[0] || { index: -1 }).index;
    if (found >= 0) { select(found, true); }
  }
})();
