// chronicle timeline: events along time in an SVG, coloured by PLOVER type, sized by reports.
// Reads the page's data from <script type="application/json" id="page-data"> (no inline script:
// the Content-Security-Policy forbids it). Zoom with the buttons, the mouse wheel or a drag;
// filter by type with #type-filter.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var WIDTH = 960;
  var MARGIN = { left: 92, right: 24, top: 14, bottom: 34 };
  var LANE_GAP = 14;
  var MIN_LANE = 56;

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  // The first and last instant of an ISO date of any precision (yyyy, yyyy-mm, yyyy-mm-dd).
  function period(value) {
    var match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || "");
    if (!match) return null;
    var year = +match[1];
    if (match[3]) {
      var day = Date.UTC(year, +match[2] - 1, +match[3]);
      return [day, day + DAY - 1];
    }
    if (match[2]) return [Date.UTC(year, +match[2] - 1, 1), Date.UTC(year, +match[2], 1) - 1];
    return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1) - 1];
  }

  // An event's position (middle of its date's period) and its extent (through its end date).
  function placeInTime(event) {
    var first = period(event.date);
    if (!first) return null;
    var last = event.end_date && event.end_date !== "open" ? period(event.end_date) : null;
    var start = first[0];
    var end = last ? Math.max(first[1], last[1]) : first[1];
    var at = event.date_precision === "day" || (first[1] - first[0]) < 2 * DAY ? first[0] + DAY / 2 : (start + end) / 2;
    return { start: start, end: end, at: at };
  }

  function radius(reports) {
    return Math.min(18, 6 + 4 * Math.sqrt(Math.max(0, (reports || 1) - 1)));
  }

  function fullDomain(items) {
    if (!items.length) {
      var now = Date.now();
      return [now - 365 * DAY, now];
    }
    var low = Math.min.apply(null, items.map(function (d) { return d.time.start; }));
    var high = Math.max.apply(null, items.map(function (d) { return d.time.end; }));
    var pad = Math.max(20 * DAY, (high - low) * 0.05);
    return [low - pad, high + pad];
  }

  // ---- calendar ticks -------------------------------------------------------------------
  var STEPS = [
    { unit: "day", n: 1 }, { unit: "day", n: 2 }, { unit: "day", n: 7 }, { unit: "day", n: 14 },
    { unit: "month", n: 1 }, { unit: "month", n: 3 }, { unit: "month", n: 6 },
    { unit: "year", n: 1 }, { unit: "year", n: 2 }, { unit: "year", n: 5 }, { unit: "year", n: 10 },
    { unit: "year", n: 25 }, { unit: "year", n: 50 }
  ];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function stepLength(step) {
    return step.n * (step.unit === "day" ? DAY : step.unit === "month" ? 30.4 * DAY : 365.25 * DAY);
  }

  function ticks(domain, most) {
    var span = domain[1] - domain[0];
    var step = STEPS.filter(function (s) { return span / stepLength(s) <= most; })[0] || STEPS[STEPS.length - 1];
    var first = new Date(domain[0]);
    var year = first.getUTCFullYear();
    var cursor;
    if (step.unit === "year") cursor = Date.UTC(Math.ceil(year / step.n) * step.n, 0, 1);
    else if (step.unit === "month") cursor = Date.UTC(year, Math.ceil(first.getUTCMonth() / step.n) * step.n, 1);
    else cursor = Date.UTC(year, first.getUTCMonth(), first.getUTCDate() + 1);
    var found = [];
    while (cursor <= domain[1] && found.length < 60) {
      if (cursor >= domain[0]) found.push({ at: cursor, label: tickLabel(cursor, step) });
      var date = new Date(cursor);
      if (step.unit === "year") cursor = Date.UTC(date.getUTCFullYear() + step.n, 0, 1);
      else if (step.unit === "month") cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step.n, 1);
      else cursor = cursor + step.n * DAY;
    }
    return found;
  }

  function tickLabel(at, step) {
    var date = new Date(at);
    if (step.unit === "year") return String(date.getUTCFullYear());
    if (step.unit === "month") return MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
    return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  // ---- layout ---------------------------------------------------------------------------
  // Circles that would overlap move up or down their lane, in alternating levels.
  function stack(placed) {
    var levels = [];
    placed.sort(function (a, b) { return a.x - b.x; });
    placed.forEach(function (item) {
      for (var k = 0; ; k++) {
        var level = k === 0 ? 0 : (k % 2 ? (k + 1) / 2 : -k / 2);
        var row = levels[k] || (levels[k] = []);
        var clash = row.some(function (other) { return Math.abs(other.x - item.x) < other.r + item.r + 2; });
        if (!clash) {
          row.push(item);
          item.level = level;
          return;
        }
      }
    });
    var step = Math.max.apply(null, [10].concat(placed.map(function (d) { return 2 * d.r + 2; })));
    var deepest = Math.max.apply(null, [0].concat(placed.map(function (d) { return Math.abs(d.level); })));
    return { step: step, height: Math.max(MIN_LANE, (2 * deepest + 1) * step + 12) };
  }

  function describe(event) {
    var kind = event.mode ? event.type + "/" + event.mode : event.type;
    var parts = [event.date || "undated", kind];
    if (event.place && event.place.name) parts.push(event.place.name);
    parts.push((event.mentions || 1) + (event.mentions === 1 ? " report" : " reports"));
    if (event.modality === "planned") parts.push("planned");
    var names = (event.actors || []).map(function (a) { return a.name; }).join(", ");
    return parts.join(" · ") + (names ? "\n" + names : "") + (event.summary ? "\n" + event.summary : "");
  }

  // ---- the chart -------------------------------------------------------------------------
  function Timeline(svg, items, controls) {
    this.svg = svg;
    this.items = items;
    this.controls = controls;
    this.full = fullDomain(items);
    this.domain = this.full.slice();
    this.type = "all";
  }

  Timeline.prototype.x = function (at) {
    var width = WIDTH - MARGIN.left - MARGIN.right;
    return MARGIN.left + (at - this.domain[0]) / (this.domain[1] - this.domain[0]) * width;
  };

  Timeline.prototype.instant = function (x) {
    var width = WIDTH - MARGIN.left - MARGIN.right;
    return this.domain[0] + (x - MARGIN.left) / width * (this.domain[1] - this.domain[0]);
  };

  Timeline.prototype.setDomain = function (low, high) {
    var full = this.full;
    var span = Math.min(high - low, full[1] - full[0]);
    span = Math.max(span, 3 * DAY);
    if (low < full[0]) low = full[0];
    if (low + span > full[1]) low = full[1] - span;
    this.domain = [low, low + span];
    this.render();
  };

  Timeline.prototype.zoom = function (factor, around) {
    var centre = around === undefined ? (this.domain[0] + this.domain[1]) / 2 : around;
    var low = centre - (centre - this.domain[0]) * factor;
    var high = centre + (this.domain[1] - centre) * factor;
    this.setDomain(low, high);
  };

  Timeline.prototype.visible = function () {
    var self = this;
    return this.items.filter(function (d) {
      return (self.type === "all" || d.event.type === self.type) && d.time.at >= self.domain[0] && d.time.at <= self.domain[1];
    });
  };

  Timeline.prototype.render = function () {
    var self = this;
    var svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var shown = this.visible();
    var lanes = [
      { name: "happened", label: "Reported", items: [] },
      { name: "planned", label: "Planned", items: [] }
    ];
    shown.forEach(function (d) {
      var lane = d.event.modality === "planned" ? lanes[1] : lanes[0];
      lane.items.push({ d: d, x: self.x(d.time.at), r: radius(d.event.mentions) });
    });
    var top = MARGIN.top;
    lanes.forEach(function (lane) {
      var shape = stack(lane.items);
      lane.top = top;
      lane.height = shape.height;
      lane.step = shape.step;
      top += shape.height + LANE_GAP;
    });
    var plotBottom = top - LANE_GAP;
    var height = plotBottom + MARGIN.bottom;
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + height);
    svg.setAttribute("height", String(height));

    var grid = svgElement("g", { "class": "axis" });
    ticks(this.domain, 9).forEach(function (tick) {
      var x = self.x(tick.at);
      grid.appendChild(svgElement("line", { "class": "gridline", x1: x, x2: x, y1: MARGIN.top, y2: plotBottom }));
      grid.appendChild(svgElement("line", { x1: x, x2: x, y1: plotBottom, y2: plotBottom + 5 }));
      var label = svgElement("text", { x: x, y: plotBottom + 19, "text-anchor": "middle" });
      label.textContent = tick.label;
      grid.appendChild(label);
    });
    grid.appendChild(svgElement("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: plotBottom, y2: plotBottom }));

    lanes.forEach(function (lane) {
      svg.appendChild(svgElement("rect", {
        "class": "lane", x: MARGIN.left, y: lane.top, width: WIDTH - MARGIN.left - MARGIN.right, height: lane.height, rx: 4
      }));
      var label = svgElement("text", { "class": "lane-label", x: MARGIN.left - 10, y: lane.top + lane.height / 2 + 4, "text-anchor": "end" });
      label.textContent = lane.label;
      svg.appendChild(label);
    });
    svg.appendChild(grid);

    lanes.forEach(function (lane) {
      var middle = lane.top + lane.height / 2;
      lane.items.forEach(function (item) {
        var event = item.d.event;
        var y = middle + item.level * lane.step;
        var link = svgElement("a", {
          "class": "event type-" + event.type + (event.modality === "planned" ? " planned" : ""),
          href: "/events/" + encodeURIComponent(event.id),
          "data-type": event.type,
          "data-date": event.date || "",
          "data-modality": event.modality
        });
        var title = svgElement("title");
        title.textContent = describe(event);
        link.appendChild(title);
        var from = self.x(Math.max(item.d.time.start, self.domain[0]));
        var to = self.x(Math.min(item.d.time.end, self.domain[1]));
        if (to - from > 2 * item.r) {
          link.appendChild(svgElement("line", { "class": "span", x1: from, x2: to, y1: y, y2: y }));
        }
        link.appendChild(svgElement("circle", { cx: item.x.toFixed(1), cy: y.toFixed(1), r: item.r.toFixed(1) }));
        svg.appendChild(link);
      });
    });
    this.report(shown.length);
  };

  Timeline.prototype.report = function (count) {
    var controls = this.controls;
    var total = this.items.length;
    if (controls.count) {
      controls.count.textContent = count + " of " + total + (total === 1 ? " event shown" : " events shown") +
        " · " + tickLabel(this.domain[0], { unit: "day" }) + " – " + tickLabel(this.domain[1], { unit: "day" });
    }
    if (controls.rows) {
      var type = this.type;
      controls.rows.forEach(function (row) {
        row.classList.toggle("is-hidden", type !== "all" && row.getAttribute("data-type") !== type);
      });
    }
  };

  // Wheel zooms around the pointer; a drag pans.
  Timeline.prototype.listen = function () {
    var self = this;
    var svg = this.svg;
    function svgX(clientX) {
      var box = svg.getBoundingClientRect();
      return (clientX - box.left) / box.width * WIDTH;
    }
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      self.zoom(event.deltaY < 0 ? 0.8 : 1.25, self.instant(svgX(event.clientX)));
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || event.target.closest("a")) return;
      drag = { x: svgX(event.clientX), domain: self.domain.slice() };
      svg.classList.add("grabbing");
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var width = WIDTH - MARGIN.left - MARGIN.right;
      var shift = (svgX(event.clientX) - drag.x) / width * (drag.domain[1] - drag.domain[0]);
      self.setDomain(drag.domain[0] - shift, drag.domain[1] - shift);
    });
    function stop() {
      drag = null;
      svg.classList.remove("grabbing");
    }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
  };

  function start() {
    var svg = document.getElementById("timeline");
    var source = document.getElementById("page-data");
    if (!svg || !source) return;
    var data = JSON.parse(source.textContent);
    var items = (data.items || []).map(function (event) {
      return { event: event, time: placeInTime(event) };
    }).filter(function (d) { return d.time !== null; });
    var chart = new Timeline(svg, items, {
      count: document.getElementById("visible-count"),
      rows: Array.prototype.slice.call(document.querySelectorAll("#event-list tr[data-type]"))
    });
    var filter = document.getElementById("type-filter");
    if (filter) {
      filter.addEventListener("change", function () {
        chart.type = filter.value;
        chart.render();
      });
      chart.type = filter.value || "all";
    }
    var zoomIn = document.getElementById("zoom-in");
    var zoomOut = document.getElementById("zoom-out");
    var zoomReset = document.getElementById("zoom-reset");
    if (zoomIn) zoomIn.addEventListener("click", function () { chart.zoom(0.5); });
    if (zoomOut) zoomOut.addEventListener("click", function () { chart.zoom(2); });
    if (zoomReset) zoomReset.addEventListener("click", function () { chart.setDomain(chart.full[0], chart.full[1]); });
    chart.listen();
    chart.render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
