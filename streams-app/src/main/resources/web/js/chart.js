// History chart of one indicator with uPlot (window.uPlot, from the WebJar). Each value is
// drawn at its observation time (the end of its period) and holds until the next one: the
// stepped line is exactly what ?asOf= answers. The as-of date is a dashed line; the value valid
// then is ringed. The element carries data-points (number of values) and data-as-of.

import { formatValue, fullValue, unitText } from './format.js';

const ZONE = 'Asia/Shanghai';
const BLUE = '#1f6feb';
const ORANGE = '#d9480f';
const YEAR = 365.25 * 86400;

export function renderChart(el, values, { unit, asOf, asOfEvent } = {}) {
  el.replaceChildren();
  el.dataset.points = String(values.length);
  el.dataset.asOf = asOf || 'latest';
  if (!window.uPlot) {
    el.textContent = 'Chart library not loaded.';
    return () => {};
  }
  const xs = values.map((v) => Date.parse(v.observedAt) / 1000);
  const ys = values.map((v) => v.value);
  const periods = values.map((v) => v.period);
  const asOfX = asOf ? Date.parse(`${asOfEnd(asOf)}T23:59:59+08:00`) / 1000 : null;
  const ringIdx = asOfEvent ? values.findIndex((v) => v.eventId === asOfEvent.eventId) : -1;
  const u = unitText(unit);

  const opts = {
    width: Math.max(el.clientWidth, 280),
    height: 260,
    tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1000), ZONE),
    padding: [18, 16, 0, 4],
    scales: {
      x: {
        time: true,
        range: (self, min, max) => {
          const lo = Math.min(min, asOfX ?? min);
          const hi = Math.max(max, asOfX ?? max);
          const pad = Math.max((hi - lo) * 0.08, YEAR / 2);
          return [lo - pad, hi + pad];
        },
      },
      y: {
        range: (self, min, max) => {
          const span = max - min || Math.abs(max) || 1;
          const lo = min - span * 0.25;
          return [min >= 0 && lo < 0 ? 0 : lo, max + span * 0.25];
        },
      },
    },
    series: [
      { label: 'Period', value: (self, raw, si, idx) => (idx == null ? '–' : periods[idx]) },
      {
        label: 'value',
        stroke: BLUE,
        width: 2,
        fill: 'rgba(31,111,235,0.07)',
        paths: window.uPlot.paths.stepped({ align: 1 }),
        points: { show: true, size: 9, width: 2, fill: '#fff', stroke: BLUE },
        value: (self, raw) => (raw == null ? '–' : `${fullValue(raw)} ${u}`.trim()),
      },
    ],
    axes: [
      {
        // values are stamped at the end of their period: so are the year ticks, labelled with
        // the year that ends there (the 2015 value sits on the "2015" tick)
        stroke: '#5b6473',
        grid: { stroke: '#eef0f3' },
        ticks: { stroke: '#eef0f3' },
        splits: (self, axisIdx, lo, hi) => periodEnds(lo, hi, Math.max(3, Math.floor(self.bbox.width / (window.devicePixelRatio || 1) / 56))),
        values: (self, ticks) => ticks.map((t) => periodLabel(t - 1, max(self) - min(self) < 2 * YEAR)),
      },
      {
        stroke: '#5b6473',
        grid: { stroke: '#eef0f3' },
        ticks: { stroke: '#eef0f3' },
        size: 64,
        values: (self, ticks) => ticks.map(formatValue),
      },
    ],
    cursor: { points: { size: 11 }, drag: { x: false, y: false } },
    legend: { show: true, live: true },
    hooks: {
      draw: [
        (self) => {
          const ctx = self.ctx;
          const dpr = window.devicePixelRatio || 1;
          ctx.save();
          ctx.font = `${11 * dpr}px system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
          ctx.textAlign = 'center';
          ctx.fillStyle = '#384152';
          if (xs.length <= 12) {
            xs.forEach((x, i) => {
              const cx = self.valToPos(x, 'x', true);
              const cy = self.valToPos(ys[i], 'y', true);
              ctx.fillText(`${formatValue(ys[i])} · ${periods[i]}`, cx, cy - 10 * dpr);
            });
          }
          if (asOfX != null) {
            const ax = self.valToPos(asOfX, 'x', true);
            ctx.strokeStyle = ORANGE;
            ctx.setLineDash([5 * dpr, 4 * dpr]);
            ctx.lineWidth = 1.5 * dpr;
            ctx.beginPath();
            ctx.moveTo(ax, self.bbox.top);
            ctx.lineTo(ax, self.bbox.top + self.bbox.height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = ORANGE;
            ctx.textAlign = ax > self.bbox.left + self.bbox.width / 2 ? 'right' : 'left';
            ctx.fillText(` as of ${asOf} `, ax, self.bbox.top + self.bbox.height - 6 * dpr);
            if (ringIdx >= 0) {
              ctx.beginPath();
              ctx.arc(self.valToPos(xs[ringIdx], 'x', true), self.valToPos(ys[ringIdx], 'y', true), 8 * dpr, 0, 2 * Math.PI);
              ctx.stroke();
            }
          }
          ctx.restore();
        },
      ],
    },
  };
  const plot = new window.uPlot(opts, [xs, ys], el);
  const resize = new ResizeObserver(() => {
    const w = Math.max(el.clientWidth, 280);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: 260 });
  });
  resize.observe(el);
  return () => { resize.disconnect(); plot.destroy(); };
}

const min = (u) => u.scales.x.min;
const max = (u) => u.scales.x.max;
// China is UTC+8 without daylight saving (since 1991): month arithmetic in UTC, shifted 8 hours
const SHIFT = 8 * 3600;
const ym = (ts) => { const d = new Date((ts + SHIFT) * 1000); return [d.getUTCFullYear(), d.getUTCMonth()]; };
const monthStart = (y, m) => Date.UTC(y, m, 1) / 1000 - SHIFT;

function periodLabel(ts, monthly) {
  const [y, m] = ym(ts);
  return monthly ? `${y}-${String(m + 1).padStart(2, '0')}` : String(y);
}

/** Ends of years (of months when the span is short) within [lo, hi], at most about maxTicks. */
function periodEnds(lo, hi, maxTicks) {
  const ticks = [];
  const [y0, m0] = ym(lo);
  const [y1, m1] = ym(hi);
  if (hi - lo < 2 * YEAR) {
    const months = (y1 - y0) * 12 + (m1 - m0) + 1;
    const step = Math.max(1, Math.ceil(months / maxTicks));
    for (let i = 0; i <= months; i += step) {
      const t = monthStart(y0, m0 + i + 1);
      if (t >= lo && t <= hi) ticks.push(t);
    }
  } else {
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / maxTicks));
    for (let y = y0; y <= y1; y += step) {
      const t = monthStart(y + 1, 0);
      if (t >= lo && t <= hi) ticks.push(t);
    }
  }
  return ticks;
}

/** "2020" -> "2020-12-31", "2020-02" -> "2020-02-29": the end of the period, as the API reads it. */
export function asOfEnd(asOf) {
  if (/^\d{4}$/.test(asOf)) return `${asOf}-12-31`;
  if (/^\d{4}-\d{2}$/.test(asOf)) {
    const [y, m] = asOf.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${asOf}-${String(last).padStart(2, '0')}`;
  }
  return asOf;
}
