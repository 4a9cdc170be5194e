// The responsibility matrix, built from the page's JSON data as DOM text nodes (nothing is parsed as HTML).
// Click a department to sort the tasks by its part in them (leads first); click "task" for document order.
// The filter keeps the tasks whose label, title or clause holds the text, or the departments whose name does.
(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent).table;
  var table = document.getElementById("kg-table"), filter = document.getElementById("kg-filter");
  var rank = {}, marks = {};
  data.marks.forEach(function (m, k) { rank[m.key] = k; marks[m.key] = m; });
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var grid = data.rows.map(function () { return {}; });
  data.cells.forEach(function (c) { grid[c.row][c.col] = c; });
  var head = el("tr"), corner = el("th", "kg-corner kg-label", data.words.task);
  corner.title = data.words.order;
  corner.dataset.id = "task";
  head.appendChild(corner);
  data.columns.forEach(function (c, k) {
    var th = el("th", "kg-col"), span = el("span", "kg-label", c.label);
    span.dataset.id = c.id;
    th.title = c.tip;
    th.dataset.col = k;
    th.appendChild(span);
    head.appendChild(th);
  });
  var thead = el("thead"), tbody = el("tbody");
  thead.appendChild(head);
  var trs = data.rows.map(function (r, i) {
    var tr = el("tr"), th = el("th", "kg-row"), id = el("span", "kg-label", r.label), name = el("span", "kg-title", r.title);
    id.dataset.id = r.id;
    th.title = r.tip;
    th.appendChild(id);
    th.appendChild(name);
    tr.appendChild(th);
    data.columns.forEach(function (c, k) {
      var cell = grid[i][k], td = el("td", cell ? "kg-cell kg-" + cell.mark : "kg-empty");
      if (cell) {
        td.textContent = marks[cell.mark].symbol;
        td.title = cell.tip;
        td.dataset.mark = cell.mark;
        td.dataset.roles = cell.roles.join(" ");
        td.style.background = marks[cell.mark].colour + "33";
        td.style.color = marks[cell.mark].colour;
      }
      td.dataset.col = k;
      tr.appendChild(td);
    });
    tr.dataset.index = i;
    tbody.appendChild(tr);
    return tr;
  });
  table.appendChild(thead);
  table.appendChild(tbody);
  var hidden = {};
  function sortBy(col) {
    var order = trs.slice();
    if (col !== null) {
      order.sort(function (a, b) {
        var ca = grid[a.dataset.index][col], cb = grid[b.dataset.index][col];
        var ra = ca ? rank[ca.mark] : 99, rb = cb ? rank[cb.mark] : 99;
        return ra - rb || a.dataset.index - b.dataset.index;
      });
    }
    order.forEach(function (tr) { tbody.appendChild(tr); });
  }
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var cols = data.columns.map(function (c) { return !text || (c.label + " " + c.tip).toLowerCase().indexOf(text) >= 0; });
    var anyCol = text && cols.some(function (x) { return x; }) && !cols.every(function (x) { return x; });
    trs.forEach(function (tr, i) {
      var r = data.rows[i], show;
      if (anyCol) {
        show = data.columns.some(function (c, k) { return cols[k] && grid[i][k] && !hidden[grid[i][k].mark]; });
      } else {
        show = !text || (r.label + " " + r.tip).toLowerCase().indexOf(text) >= 0;
      }
      tr.style.display = show ? "" : "none";
    });
    Array.prototype.forEach.call(table.querySelectorAll("[data-col]"), function (e) {
      e.style.display = !anyCol || cols[e.dataset.col] ? "" : "none";
    });
    Array.prototype.forEach.call(table.querySelectorAll("td.kg-cell"), function (td) {
      td.style.visibility = hidden[td.dataset.mark] ? "hidden" : "";
    });
  }
  head.addEventListener("click", function (e) {
    var th = e.target.closest("th");
    if (th) sortBy(th.dataset.col === undefined ? null : +th.dataset.col);
  });
  filter.placeholder = data.words.filter;
  filter.addEventListener("input", apply);
  document.getElementById("kg-hint").textContent = data.words.hint;
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend li[data-mark]"), function (li) {
    li.addEventListener("click", function () {
      hidden[li.dataset.mark] = !hidden[li.dataset.mark];
      li.classList.toggle("kg-off", !!hidden[li.dataset.mark]);
      apply();
    });
  });
  window.kgMatrix = {sortBy: sortBy, apply: apply};
  document.body.setAttribute("data-drawn", "yes");
})();
