// L1Lab book: typesets math with the local KaTeX and draws charts with the local plotly.js. Loads nothing else.
(function () {
  'use strict';
  // Markdig writes inline math as <span class="math">\(…\)</span> and display math as <div class="math">\[…\]</div>
  // (or, for $$…$$ within a paragraph, as <span class="math display">).
  document.querySelectorAll('.math').forEach(function (element) {
    var display = element.tagName === 'DIV' || element.classList.contains('display');
    var tex = element.textContent.trim().replace(/^\\[([]/, '').replace(/\\[)\]]$/, '');
    katex.render(tex, element, { displayMode: display, throwOnError: false });
  });
  // Each chart holds its Plotly figure as JSON next to its static image; on screen the interactive chart replaces
  // the image, in print the image stays (see book.css).
  if (window.Plotly) {
    document.querySelectorAll('script.plotly-figure').forEach(function (script) {
      var figure = JSON.parse(script.textContent);
      var host = document.createElement('div');
      host.className = 'interactive';
      script.parentNode.insertBefore(host, script);
      script.parentNode.classList.add('drawn');
      var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
      Plotly.newPlot(host, figure.data || [], figure.layout || {}, config);
    });
  }
})();
