// postsleuth report --html: click a column heading to sort its table (its SHA-256 is in the CSP)
"use strict";
document.querySelectorAll("table.sortable").forEach(function (table) {
	var heads = table.tHead ? table.tHead.rows[0].cells : [];
	Array.prototype.forEach.call(heads, function (th, col) {
		th.tabIndex = 0;
		th.title = document.body.getAttribute("data-sort-title") || "";
		function sort() {
			var asc = th.getAttribute("aria-sort") !== "ascending";
			Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
			th.setAttribute("aria-sort", asc ? "ascending" : "descending");
			var body = table.tBodies[0];
			var rows = Array.prototype.slice.call(body.rows);
			var num = th.classList.contains("n");
			rows.sort(function (a, b) {
				var x = a.cells[col].textContent, y = b.cells[col].textContent;
				var r = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
				return asc ? r : -r;
			});
			rows.forEach(function (r) { body.appendChild(r); });
		}
		th.addEventListener("click", sort);
		th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
	});
});
