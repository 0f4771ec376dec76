// Charts with Chart.js, served from its WebJar inside the WAR (nothing is fetched from outside at run time).
// The library is loaded once, when the first chart is drawn.
let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'webjars/chart.js/4.4.1/dist/chart.umd.js';
      script.onload = () => resolve(window.Chart);
      script.onerror = () => { loading = null; reject(new Error('Chart.js did not load')); };
      document.head.append(script);
    });
  }
  return loading;
}

/**
 * Draws a chart in a new canvas inside container (replacing an earlier one), with a text alternative for screen
 * readers: a chart is never the only place a figure is shown. Answers the Chart instance.
 */
export async function drawChart(container, config, description) {
  const Chart = await loadChart();
  container.querySelector('canvas')?.chartInstance?.destroy();
  container.replaceChildren();
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  container.append(canvas);
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...(config.options || {}) };
  canvas.chartInstance = new Chart(canvas, config);
  return canvas.chartInstance;
}
