(function () {
  'use strict';
  // Everything shown comes from this JSON and is set with textContent or setAttribute: no string becomes markup.
  var data = JSON.parse(document.getElementById('xt-data').textContent);
  var L = data.labels, cols = data.columns, rows = data.rows, n = rows.length;
  var SVG = 'http://www.w3.org/2000/svg';
  var XINGTU = 'https://www.xingtu.cn/ad/creator/author/douyin/';
  var DOUYIN = 'https://www.douyin.com/user/';
  var formats = {};
  var compact = new Intl.NumberFormat(data.lang, { notation: 'compact', maximumFractionDigits: 1 });

  function fmt(v, digits) {
    if (v === null || v === undefined) return '';
    var f = formats[digits] || (formats[digits] = new Intl.NumberFormat(data.lang, { maximumFractionDigits: digits }));
    return f.format(v);
  }
  function say(template, a, b) { return template.replace('{0}', a).replace('{1}', b); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // Shortens a label to about `room` half-width columns: a CJK character takes two, so a 19-digit id fits whole.
  function clip(text, room) {
    var used = 0;
    for (var i = 0; i < text.length; i++) {
      used += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
      if (used > room) return text.slice(0, i) + '…';
    }
    return text;
  }
  function col(key) {
    for (var i = 0; i < cols.length; i++) if (cols[i].key === key) return i;
    return -1;
  }
  function val(r, c) { return c < 0 ? null : rows[r][c]; }
  var cName = col('NickName'), cId = col('KolId'), cTags = col('Tags');
  function nameOf(r) { var v = val(r, cName); return v === null || v === '' ? val(r, cId) : v; }

  // Header
  var header = el('header');
  header.appendChild(el('h1', null, data.title));
  var dl = el('dl');
  function meta(label, value) {
    var d = el('div'); d.appendChild(el('dt', null, label)); d.appendChild(el('dd', null, value)); dl.appendChild(d);
  }
  var h = data.header;
  meta(L.generated, h.generated);
  meta(L.kols, fmt(h.count, 0));
  if (h.queries.length) meta(L.query, h.queries.join('; '));
  if (h.fetchedFrom) {
    var range = h.fetchedFrom === h.fetchedTo ? h.fetchedFrom : h.fetchedFrom + ' – ' + h.fetchedTo;
    if (h.fromStore) range += ' (' + fmt(h.fromStore, 0) + ' ' + L.fromStore + ')';
    meta(L.fetched, range);
  }
  header.appendChild(dl);
  document.body.appendChild(header);

  // Summary tiles
  var tiles = el('section', 'tiles');
  data.tiles.forEach(function (t) {
    var d = el('div', 'tile');
    d.appendChild(el('div', 'label', t.label));
    d.appendChild(el('div', 'value', fmt(t.value, t.digits)));
    if (t.note) d.appendChild(el('div', 'note', t.note));
    tiles.appendChild(d);
  });
  document.body.appendChild(tiles);

  // Tooltip, shared by every chart
  var tip = el('div'); tip.id = 'xt-tip'; tip.hidden = true; tip.setAttribute('role', 'tooltip');
  document.body.appendChild(tip);
  var tipFor = -1;
  function showTip(r, x, y) {
    tip.textContent = nameOf(r);
    tip.hidden = false;
    tip.style.left = (x + window.scrollX + 12) + 'px';
    tip.style.top = (y + window.scrollY + 12) + 'px';
    tipFor = r;
  }
  function hideTip() { tip.hidden = true; tipFor = -1; }

  var charts = el('section', 'charts');
  document.body.appendChild(charts);

  function figure(caption, wide) {
    var f = el('figure', wide ? 'wide' : null);
    f.appendChild(el('figcaption', null, caption));
    charts.appendChild(f);
    return f;
  }
  function note(f, drawn) {
    f.appendChild(el('p', 'note', drawn ? say(L.chartMarks, fmt(drawn, 0), fmt(n, 0)) + ' · ' + L.chartHint : L.chartNoData));
  }
  function markOf(e) {
    var t = e.target;
    return t && t.getAttribute && t.hasAttribute('data-r') ? +t.getAttribute('data-r') : -1;
  }
  var lastPointer = 'mouse';
  function wire(s) {
    s.addEventListener('pointerdown', function (e) { lastPointer = e.pointerType; });
    s.addEventListener('pointerover', function (e) {
      var r = markOf(e);
      if (r >= 0 && e.pointerType !== 'touch') showTip(r, e.clientX, e.clientY);
    });
    s.addEventListener('pointerout', function (e) { if (markOf(e) >= 0 && lastPointer !== 'touch') hideTip(); });
    s.addEventListener('click', function (e) {
      var r = markOf(e);
      if (r < 0) return;
      // A tap first names the KOL; a second tap on the same mark goes to its row.
      if (lastPointer === 'touch' && tipFor !== r) { showTip(r, e.clientX, e.clientY); return; }
      hideTip();
      goToRow(r);
    });
  }

  // A scatter's marks, one per [row, x, y], wired for hover and click; then the chart goes into its figure.
  function dots(f, s, pts, px, py) {
    var g = svg('g');
    pts.forEach(function (p) {
      g.appendChild(svg('circle', { 'class': 'mark', cx: px(p[1]).toFixed(1), cy: py(p[2]).toFixed(1), r: 4.5, 'data-r': p[0] }));
    });
    s.appendChild(g);
    wire(s);
    f.appendChild(s);
  }

  var W = 640, H = 400, M = { l: 64, r: 18, t: 14, b: 46 };
  function log10(v) { return Math.log(v) / Math.LN10; }
  function decades(lo, hi) {
    var a = Math.floor(log10(lo)), b = Math.ceil(log10(hi));
    if (a === b) { a -= 1; b += 1; }
    return [a, b];
  }
  function axes(s, xTicks, yTicks, xLabel, yLabel) {
    var g = svg('g');
    xTicks.forEach(function (t) {
      g.appendChild(svg('line', { 'class': 'grid', x1: t.p, x2: t.p, y1: M.t, y2: H - M.b }));
      g.appendChild(svg('text', { 'class': 'tick', x: t.p, y: H - M.b + 16, 'text-anchor': 'middle' }, t.label));
    });
    yTicks.forEach(function (t) {
      g.appendChild(svg('line', { 'class': 'grid', x1: M.l, x2: W - M.r, y1: t.p, y2: t.p }));
      g.appendChild(svg('text', { 'class': 'tick', x: M.l - 6, y: t.p + 4, 'text-anchor': 'end' }, t.label));
    });
    g.appendChild(svg('line', { 'class': 'axis', x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b }));
    g.appendChild(svg('line', { 'class': 'axis', x1: M.l, x2: M.l, y1: M.t, y2: H - M.b }));
    g.appendChild(svg('text', { 'class': 'title', x: (M.l + W - M.r) / 2, y: H - 8, 'text-anchor': 'middle' }, xLabel));
    g.appendChild(svg('text', { 'class': 'title', x: 14, y: (M.t + H - M.b) / 2, 'text-anchor': 'middle',
      transform: 'rotate(-90 14 ' + (M.t + H - M.b) / 2 + ')' }, yLabel));
    s.appendChild(g);
  }

  // Chart 1: list price against median plays, log axes, with lines of equal price per 1,000 plays.
  (function () {
    var cx = col('PlayMedian'), cy = col('Price1To20Sec');
    var f = figure(L.chartPrice, false);
    var pts = [];
    for (var r = 0; r < n; r++) {
      var x = val(r, cx), y = val(r, cy);
      if (x > 0 && y > 0) pts.push([r, x, y]);
    }
    if (pts.length) {
      var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'data-chart': 'price' });
      var xs = pts.map(function (p) { return p[1]; }), ys = pts.map(function (p) { return p[2]; });
      var dx = decades(Math.min.apply(null, xs), Math.max.apply(null, xs));
      var dy = decades(Math.min.apply(null, ys), Math.max.apply(null, ys));
      function px(v) { return M.l + (log10(v) - dx[0]) / (dx[1] - dx[0]) * (W - M.l - M.r); }
      function py(v) { return H - M.b - (log10(v) - dy[0]) / (dy[1] - dy[0]) * (H - M.t - M.b); }
      var xt = [], yt = [], k;
      for (k = dx[0]; k <= dx[1]; k++) xt.push({ p: px(Math.pow(10, k)), label: compact.format(Math.pow(10, k)) });
      for (k = dy[0]; k <= dy[1]; k++) yt.push({ p: py(Math.pow(10, k)), label: compact.format(Math.pow(10, k)) });
      axes(s, xt, yt, L.chartPriceX, L.chartPriceY);
      [10, 30, 100].forEach(function (cpm) {
        // price = cpm × plays / 1000: a line of slope 1 on log axes, clipped to the plot.
        var shift = log10(cpm) - 3;
        var a = Math.max(dx[0], dy[0] - shift), b = Math.min(dx[1], dy[1] - shift);
        if (a >= b) return;
        var x1 = px(Math.pow(10, a)), y1 = py(Math.pow(10, a + shift));
        var x2 = px(Math.pow(10, b)), y2 = py(Math.pow(10, b + shift));
        s.appendChild(svg('line', { 'class': 'cpm', x1: x1, y1: y1, x2: x2, y2: y2 }));
        // Written along its line, so labels of neighbouring lines cannot overlap.
        var angle = Math.atan2(y2 - y1, x2 - x1) * 180 / Math.PI;
        s.appendChild(svg('text', { 'class': 'cpmlabel', x: x2 - 6, y: y2 - 4, 'text-anchor': 'end',
          transform: 'rotate(' + angle.toFixed(1) + ' ' + x2.toFixed(1) + ' ' + y2.toFixed(1) + ')' }, say(L.chartCpmLine, fmt(cpm, 0))));
      });
      dots(f, s, pts, px, py);
    }
    note(f, pts.length);
  })();

  // Chart 3 sits beside chart 1: interaction against completion peer standing.
  (function () {
    var cx = col('InteractionRatePeerStanding'), cy = col('CompletionRatePeerStanding');
    var f = figure(L.chartPeer, false);
    var pts = [];
    for (var r = 0; r < n; r++) {
      var x = val(r, cx), y = val(r, cy);
      if (x !== null && y !== null) pts.push([r, x, y]);
    }
    if (pts.length) {
      var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'data-chart': 'peer' });
      // The scale is unpublished; 0..10,000 is what the API has been seen to send, and the axes grow past it if needed.
      var top = 10000;
      pts.forEach(function (p) { top = Math.max(top, p[1], p[2]); });
      var low = 0;
      pts.forEach(function (p) { low = Math.min(low, p[1], p[2]); });
      function px(v) { return M.l + (v - low) / (top - low) * (W - M.l - M.r); }
      function py(v) { return H - M.b - (v - low) / (top - low) * (H - M.t - M.b); }
      var ticks = [];
      for (var t = 0; t <= 4; t++) ticks.push(low + (top - low) * t / 4);
      axes(s, ticks.map(function (v) { return { p: px(v), label: fmt(v, 0) }; }),
        ticks.map(function (v) { return { p: py(v), label: fmt(v, 0) }; }), L.chartPeerX, L.chartPeerY);
      dots(f, s, pts, px, py);
    }
    note(f, pts.length);
  })();

  // Chart 2: ranked bars of the price per 1,000 plays, or the expected CPM where there is no price.
  (function () {
    var cp = col('ListPricePerThousandPlays1To20Sec'), cc = col('ExpectedCpm1To20SecYuan');
    var f = figure(L.chartRank, true);
    var items = [];
    for (var r = 0; r < n; r++) {
      var p = val(r, cp), c = val(r, cc);
      if (p !== null) items.push([r, p, 'ppm']); else if (c !== null) items.push([r, c, 'cpm']);
    }
    if (items.length) {
      items.sort(function (a, b) { return a[1] - b[1]; });
      var max = 0;
      items.forEach(function (i) { max = Math.max(max, i[1]); });
      if (max <= 0) max = 1;
      var rowH = Math.min(18, 640 / items.length), labelled = rowH >= 12;
      var left = labelled ? 190 : 20, width = 1280, top = 30, height = Math.ceil(top + items.length * rowH + 24);
      var s = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'data-chart': 'rank' });
      s.appendChild(svg('rect', { 'class': 'swatch ppm', x: left, y: 8, width: 10, height: 10 }));
      s.appendChild(svg('text', { 'class': 'legend', x: left + 14, y: 17 }, L.chartRankPpm));
      s.appendChild(svg('rect', { 'class': 'swatch cpm', x: left + 320, y: 8, width: 10, height: 10 }));
      s.appendChild(svg('text', { 'class': 'legend', x: left + 334, y: 17 }, L.chartRankCpm));
      var span = width - left - 90;
      var g = svg('g');
      items.forEach(function (i, k) {
        var y = top + k * rowH;
        var w = Math.max(1, i[1] / max * span);
        g.appendChild(svg('rect', { 'class': 'mark bar ' + i[2], x: left, y: y.toFixed(2), width: w.toFixed(1),
          height: Math.max(0.5, rowH - (labelled ? 4 : 0.2)).toFixed(2), 'data-r': i[0] }));
        if (labelled) {
          var name = clip(String(nameOf(i[0])), 28);
          g.appendChild(svg('text', { 'class': 'barlabel', x: left - 6, y: y + rowH - 6, 'text-anchor': 'end' }, name));
          g.appendChild(svg('text', { 'class': 'barlabel', x: left + w + 4, y: y + rowH - 6 }, '¥' + fmt(i[1], 2)));
        }
      });
      s.appendChild(g);
      wire(s);
      f.appendChild(s);
    }
    note(f, items.length);
  })();

  // Table
  var controls = el('div', 'controls');
  var filter = el('input');
  filter.type = 'search';
  filter.placeholder = L.filter;
  filter.setAttribute('aria-label', L.filter);
  var count = el('span', 'count');
  controls.appendChild(filter);
  controls.appendChild(count);
  controls.appendChild(el('span', 'hint', L.sortHint));
  document.body.appendChild(controls);

  // The table is a grid of rows, not a <table>: each row lays out on its own, so the browser can skip the rows out of
  // view (content-visibility) and a sort of thousands of rows stays quick. Roles keep it a table for assistive tools.
  var wrap = el('div', 'tablewrap');
  var table = el('div', 'table');
  table.setAttribute('role', 'table');
  var numeric = cols.map(function (c) { return c.type === 'int' || c.type === 'num'; });
  var widths = { name: [9, 2], id: [12.5, 0], int: [6, 1], num: [6, 1], text: [9, 2], time: [10.5, 0] };
  var tracks = cols.map(function (c) {
    var w = widths[c.type] || [6, 1];
    return w[1] ? 'minmax(' + w[0] + 'em, ' + w[1] + 'fr)' : w[0] + 'em';
  });
  tracks.push('6.5em');
  table.style.setProperty('--cols', tracks.join(' '));
  table.style.setProperty('--print-cols', cols.map(function (c) {
    var w = widths[c.type] || [6, 1];
    return 'minmax(0, ' + (w[0] / 6).toFixed(2) + 'fr)';
  }).concat(['minmax(0, 1fr)']).join(' '));
  var thead = el('div', 'thead'), hr = el('div', 'tr head');
  thead.setAttribute('role', 'rowgroup');
  hr.setAttribute('role', 'row');
  cols.forEach(function (c, i) {
    var th = el('div', numeric[i] ? 'th n' : 'th', c.label);
    th.setAttribute('role', 'columnheader');
    th.setAttribute('data-c', i);
    th.tabIndex = 0;
    hr.appendChild(th);
  });
  var lh = el('div', 'th', L.links);
  lh.setAttribute('role', 'columnheader');
  hr.appendChild(lh);
  thead.appendChild(hr);
  table.appendChild(thead);
  var tbody = el('div', 'tbody');
  tbody.setAttribute('role', 'rowgroup');
  var trs = new Array(n), search = new Array(n);
  var frag = document.createDocumentFragment();
  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.textContent = text;
    return a;
  }
  // Every row is in the page from the start (for the count, the filter, sorting and printing), but its cells are made
  // when it comes near the screen, when it is printed, or when a chart sends the reader to it: thousands of rows
  // then open and sort quickly.
  var filled = new Array(n);
  function fill(r) {
    if (filled[r]) return;
    filled[r] = true;
    var tr = trs[r], row = rows[r];
    for (var c = 0; c < cols.length; c++) {
      var v = row[c], type = cols[c].type, td = document.createElement('div');
      td.setAttribute('role', 'cell');
      if (numeric[c]) { td.className = 'td n'; td.textContent = fmt(v, cols[c].digits); }
      else if (type === 'name') {
        td.className = 'td name';
        if (v !== null) td.appendChild(link(XINGTU + encodeURIComponent(row[cId]), v));
      } else { td.className = 'td ' + type; if (v !== null) td.textContent = v; }
      tr.appendChild(td);
    }
    var links = document.createElement('div');
    links.className = 'td links';
    links.setAttribute('role', 'cell');
    links.appendChild(link(XINGTU + encodeURIComponent(row[cId]), L.linkXingtu));
    if (data.douyin[r] !== null) links.appendChild(link(DOUYIN + encodeURIComponent(data.douyin[r]), L.linkDouyin));
    tr.appendChild(links);
    tr.classList.remove('empty');
  }
  function fillAll() { for (var r = 0; r < n; r++) fill(r); }
  // The first rows in the current order, which are on screen or nearly, are made at once, not a frame later.
  function fillTop() {
    var done = 0;
    for (var node = tbody.firstChild; node && done < 60; node = node.nextSibling) {
      if (!node.hidden) { fill(+node.getAttribute('data-r')); done++; }
    }
  }
  for (var r = 0; r < n; r++) {
    var tr = document.createElement('div');
    tr.className = 'tr empty';
    tr.setAttribute('role', 'row');
    tr.setAttribute('data-r', r);
    tr.id = 'xt-row-' + r;
    trs[r] = tr;
    search[r] = [val(r, cName), val(r, cId), val(r, cTags)].join('\n').toLowerCase();
    frag.appendChild(tr);
  }
  tbody.appendChild(frag);
  table.appendChild(tbody);
  wrap.appendChild(table);
  document.body.appendChild(wrap);
  fillTop();
  var near = null;
  if (window.IntersectionObserver) {
    near = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { fill(+e.target.getAttribute('data-r')); near.unobserve(e.target); }
      });
    }, { rootMargin: '800px 0px' });
    for (var k = 0; k < n; k++) if (!filled[k]) near.observe(trs[k]);
  } else {
    fillAll();
  }
  // Printing shows every row: before the print dialog, and when print media is applied (as when saving a PDF).
  window.addEventListener('beforeprint', fillAll);
  if (window.matchMedia) {
    var printing = window.matchMedia('print');
    if (printing.addEventListener) printing.addEventListener('change', function (e) { if (e.matches) fillAll(); });
  }

  var shown = n;
  function showCount() { count.textContent = fmt(shown, 0) + ' ' + L.of + ' ' + fmt(n, 0) + ' ' + L.shown; }
  showCount();
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    shown = 0;
    for (var r = 0; r < n; r++) {
      var hide = q !== '' && search[r].indexOf(q) < 0;
      if (trs[r].hidden !== hide) trs[r].hidden = hide;
      if (!hide) shown++;
    }
    showCount();
    fillTop();
  });

  // Sorting: the first click ascends, the next descends; missing values stay last either way.
  var sortCol = -1, sortDir = 1;
  var collator = new Intl.Collator(data.lang, { numeric: true, sensitivity: 'base' });
  function sortBy(c) {
    sortDir = sortCol === c ? -sortDir : 1;
    sortCol = c;
    var order = new Array(n);
    for (var r = 0; r < n; r++) order[r] = r;
    var num = numeric[c];
    order.sort(function (a, b) {
      var x = rows[a][c], y = rows[b][c];
      if (x === null || y === null) return x === y ? a - b : (x === null ? 1 : -1);
      var d = num ? x - y : collator.compare(x, y);
      return d === 0 ? a - b : d * sortDir;
    });
    // The row elements stay where they are and take the rows of the new order: re-inserting 5,000 nodes costs the
    // browser far more than emptying the few that had cells, which are made again as they come near the screen.
    var slots = tbody.children, hidden = new Array(n);
    for (var h = 0; h < n; h++) hidden[h] = trs[h].hidden;
    for (var k = 0; k < n; k++) {
      var tr = slots[k], was = +tr.getAttribute('data-r'), now = order[k];
      trs[now] = tr;
      if (was === now) continue;
      if (filled[was]) {
        tr.textContent = '';
        tr.classList.add('empty');
        if (near) near.observe(tr);
      }
      filled[was] = false;
      tr.setAttribute('data-r', now);
      tr.id = 'xt-row-' + now;
      tr.classList.remove('flash');
      if (tr.hidden !== hidden[now]) tr.hidden = hidden[now];
    }
    fillTop();
    var ths = hr.children;
    for (var i = 0; i < cols.length; i++) {
      if (i === c) ths[i].setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      else ths[i].removeAttribute('aria-sort');
    }
  }
  hr.addEventListener('click', function (e) {
    var th = e.target.closest('.th');
    if (th && th.hasAttribute('data-c')) sortBy(+th.getAttribute('data-c'));
  });
  hr.addEventListener('keydown', function (e) {
    var th = e.target.closest('.th');
    if ((e.key === 'Enter' || e.key === ' ') && th && th.hasAttribute('data-c')) { e.preventDefault(); sortBy(+th.getAttribute('data-c')); }
  });

  var flashed = null;
  function goToRow(r) {
    if (trs[r].hidden) { filter.value = ''; filter.dispatchEvent(new Event('input')); }
    fill(r);
    if (flashed) flashed.classList.remove('flash');
    flashed = trs[r];
    flashed.classList.add('flash');
    flashed.scrollIntoView({ block: 'center' });
  }

  document.documentElement.setAttribute('data-ready', 'true');
  if (window.performance && performance.mark) performance.mark('xt-ready');
})();
