// Draws a bar chart above every table marked data-chart, from the table's own rows, so the chart
// and its accessible table always show the same data. Screen readers get the table; the chart is
// an image with a label that points to it.
(function () {
  function draw() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      if (rows.length === 0) { return; }
      var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
      var values = rows.map(function (r) { return Number(r.cells[1].textContent.trim()) || 0; });
      var box = document.createElement('div');
      box.className = 'chart-box';
      var canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', (table.dataset.chartTitle || 'Chart') + '. The same data is in the table below.');
      box.appendChild(canvas);
      table.parentNode.insertBefore(box, table);
      box.style.height = Math.max(10, Math.min(rows.length * 1.9 + 3, 40)) + 'rem';
      new Chart(canvas, {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: 'Lessons completed', data: values, backgroundColor: '#1f6f5c' }] },
        options: {
          indexAxis: 'y', maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } },
                    y: { ticks: { autoSkip: false, callback: function (v) {
                      var l = this.getLabelForValue(v); var max = window.innerWidth < 500 ? 16 : 28;
                      return l.length > max ? l.slice(0, max - 1) + '…' : l; } } } }
        }
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
