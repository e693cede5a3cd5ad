// chronicle map: events as dots on a bundled world outline (equirectangular projection, no
// tiles, nothing fetched beyond this server). Reads <script id="page-data"> and /static/world.json.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var WIDTH = 960;
  var NORTH = 84;
  var SOUTH = -58; // Antarctica is left out: no political events there worth the room
  var HEIGHT = WIDTH * (NORTH - SOUTH) / 360;

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  // Longitudes beyond ±180 (world.json's copies of shapes that cross the antimeridian) fall
  // outside the view box, which clips them.
  function project(lon, lat) {
    return [(lon + 180) / 360 * WIDTH, (NORTH - lat) / (NORTH - SOUTH) * HEIGHT];
  }

  function northernmost(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    var most = -90;
    polygons.forEach(function (rings) {
      rings[0].forEach(function (point) { most = Math.max(most, point[1]); });
    });
    return most;
  }

  function ringPath(ring) {
    return ring.map(function (point, index) {
      var xy = project(point[0], point[1]);
      return (index ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
    }).join("") + "Z";
  }

  function featurePath(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.map(function (rings) { return rings.map(ringPath).join(""); }).join("");
  }

  function drawLand(layer, world) {
    (world.features || []).forEach(function (feature) {
      if (!feature.geometry || northernmost(feature.geometry) < SOUTH) return;
      var path = svgElement("path", { "class": "land", d: featurePath(feature.geometry) });
      var title = svgElement("title");
      title.textContent = feature.properties && feature.properties.name ? feature.properties.name : "";
      path.appendChild(title);
      layer.appendChild(path);
    });
  }

  function drawGraticule(layer) {
    var lines = [];
    for (var lon = -150; lon <= 150; lon += 30) {
      var top = project(lon, NORTH);
      var bottom = project(lon, SOUTH);
      lines.push("M" + top[0] + "," + top[1] + "V" + bottom[1]);
    }
    for (var lat = -30; lat <= 60; lat += 30) {
      var y = project(0, lat)[1];
      lines.push("M0," + y.toFixed(1) + "H" + WIDTH);
    }
    layer.appendChild(svgElement("path", { "class": "graticule", d: lines.join("") }));
  }

  // Events at the same place spread out on a small spiral so each stays clickable.
  function drawEvents(layer, items) {
    var seen = {};
    items.forEach(function (event) {
      var place = event.place;
      if (!place || place.lat === null || place.lon === null || place.lat === undefined) return;
      var key = place.lat.toFixed(2) + "," + place.lon.toFixed(2);
      var n = seen[key] = (seen[key] || 0) + 1;
      var xy = project(place.lon, place.lat);
      var turn = (n - 1) * 2.4;
      var distance = n === 1 ? 0 : 10 * Math.sqrt(n - 1);
      var link = svgElement("a", {
        "class": "event-dot type-" + event.type,
        href: "/events/" + encodeURIComponent(event.id),
        "data-type": event.type,
        "data-date": event.date || ""
      });
      var title = svgElement("title");
      title.textContent = [event.date || "undated", event.type, place.name].join(" · ") +
        (event.summary ? "\n" + event.summary : "");
      link.appendChild(title);
      var r = Math.min(11, 4.5 + 1.5 * Math.sqrt(Math.max(0, (event.mentions || 1) - 1)));
      link.appendChild(svgElement("circle", {
        cx: (xy[0] + distance * Math.cos(turn)).toFixed(1),
        cy: (xy[1] + distance * Math.sin(turn)).toFixed(1),
        r: r.toFixed(1)
      }));
      layer.appendChild(link);
    });
  }

  function start() {
    var svg = document.getElementById("map");
    var source = document.getElementById("page-data");
    if (!svg || !source) return;
    var data = JSON.parse(source.textContent);
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT.toFixed(0));
    svg.setAttribute("height", HEIGHT.toFixed(0));
    svg.appendChild(svgElement("rect", { "class": "sea", x: 0, y: 0, width: WIDTH, height: HEIGHT }));
    var land = svgElement("g", { "class": "land-layer" });
    var graticule = svgElement("g");
    var dots = svgElement("g", { "class": "event-layer" });
    svg.appendChild(graticule);
    svg.appendChild(land);
    svg.appendChild(dots);
    drawGraticule(graticule);
    drawEvents(dots, data.items || []);
    var url = svg.getAttribute("data-world") || "/static/world.json";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("world outline: HTTP " + response.status);
        return response.json();
      })
      .then(function (world) {
        drawLand(land, world);
        svg.setAttribute("data-ready", "true");
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
