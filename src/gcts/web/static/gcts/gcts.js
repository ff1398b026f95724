// gcts: small enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Filters and the language menu submit themselves when changed (their buttons remain for no-JS use).
  document.querySelectorAll("select[data-autosubmit]").forEach((el) => {
    el.addEventListener("change", () => el.form && el.form.submit());
  });
  document.querySelectorAll("[data-print]").forEach((el) => el.addEventListener("click", () => window.print()));
  // Client-side sorting of tables marked "sortable" by clicking a header (links still sort on the server).
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th").forEach((th, col) => {
      th.addEventListener("click", (event) => {
        event.preventDefault();
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        const asc = th.dataset.order !== "asc";
        th.dataset.order = asc ? "asc" : "desc";
        const key = (row) => (row.cells[col] && (row.cells[col].dataset.sort || row.cells[col].textContent.trim())) || "";
        rows.sort((a, b) => (asc ? 1 : -1) * key(a).localeCompare(key(b), undefined, { numeric: true }));
        rows.forEach((row) => body.appendChild(row));
      });
    });
  });
  // A paragraph reached through a link (#operative-83) is scrolled into the middle of the view.
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "center" });
  }
});
