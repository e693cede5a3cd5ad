// chronicle actor network: the actor in the centre, its counterparts in a circle around it,
// edges as thick as the number of events they share. Reads <script id="page-data">.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var SIZE = 560;
  var MOST = 24;

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  function label(text, x, y, anchor, className) {
    var element = svgElement("text", { x: x.toFixed(1), y: y.toFixed(1), "text-anchor": anchor, "class": className || "node-label" });
    element.textContent = text;
    return element;
  }

  function shorten(name) {
    return name.length > 26 ? name.slice(0, 25) + "…" : name;
  }

  // The ring grows with the number of counterparts; one or two sit beside the actor.
  function draw(svg, actor, counterparts) {
    var n = counterparts.length;
    var ring = n <= 2 ? 150 : Math.min(SIZE / 2 - 60, 90 + 14 * n);
    var first = n <= 2 ? 0 : -Math.PI / 2;
    var most = Math.max.apply(null, [1].concat(counterparts.map(function (c) { return c.events; })));
    var spots = counterparts.map(function (other, index) {
      var angle = first + 2 * Math.PI * index / n;
      return { other: other, angle: angle, x: ring * Math.cos(angle), y: ring * Math.sin(angle) };
    });
    var xs = [0].concat(spots.map(function (s) { return s.x; }));
    var ys = [0].concat(spots.map(function (s) { return s.y; }));
    var side = 190; // room for labels left and right
    var left = Math.min.apply(null, xs) - side;
    var top = Math.min.apply(null, ys) - 50;
    var width = Math.max.apply(null, xs) + side - left;
    var height = Math.max.apply(null, ys) + 60 - top;
    svg.setAttribute("viewBox", left.toFixed(0) + " " + top.toFixed(0) + " " + width.toFixed(0) + " " + height.toFixed(0));
    svg.setAttribute("width", width.toFixed(0)); // drawn at its natural size, smaller on a narrow screen
    svg.setAttribute("height", height.toFixed(0));

    var edges = svgElement("g");
    var nodes = svgElement("g");
    spots.forEach(function (spot) {
      var other = spot.other;
      var x = spot.x;
      var y = spot.y;
      edges.appendChild(svgElement("line", {
        "class": "edge", x1: 0, y1: 0, x2: x.toFixed(1), y2: y.toFixed(1), "stroke-width": (1 + 7 * other.events / most).toFixed(1)
      }));
      edges.appendChild(label(String(other.events), x / 2, y / 2 - 6, "middle", "edge-label"));

      var link = svgElement("a", { "class": "counterpart", href: "/actors/" + encodeURIComponent(other.id) });
      var title = svgElement("title");
      title.textContent = other.name + ": " + other.events + (other.events === 1 ? " shared event" : " shared events");
      link.appendChild(title);
      link.appendChild(svgElement("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (7 + 6 * Math.sqrt(other.events / most)).toFixed(1) }));
      var cos = Math.cos(spot.angle);
      var anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle";
      var dx = cos > 0.25 ? 18 : cos < -0.25 ? -18 : 0;
      var dy = Math.abs(cos) > 0.25 ? 4 : (Math.sin(spot.angle) < 0 ? -20 : 30);
      link.appendChild(label(shorten(other.name), x + dx, y + dy, anchor));
      nodes.appendChild(link);
    });
    svg.appendChild(edges);
    svg.appendChild(nodes);
    var centre = svgElement("g", { "class": "centre" });
    centre.appendChild(svgElement("circle", { cx: 0, cy: 0, r: 14 }));
    centre.appendChild(label(shorten(actor.name), 0, n <= 2 ? 36 : 34, "middle"));
    svg.appendChild(centre);
  }

  function start() {
    var svg = document.getElementById("network");
    var source = document.getElementById("page-data");
    if (!svg || !source) return;
    var data = JSON.parse(source.textContent);
    var counterparts = (data.counterparts || []).slice(0, MOST);
    if (!counterparts.length) return;
    draw(svg, data.actor, counterparts);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
