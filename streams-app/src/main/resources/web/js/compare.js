// #/compare/air.pm25?asOf=2023&level=prefecture — one measure in every region as of a date:
// a ranked table with a bar per region, each row linked to the region page and its source.
// One server call (GET /api/compare/{indicator}); "Next page" follows the API's cursor.

import { api } from './api.js';
import { h, formatValue, fullValue, unitText, qualifier } from './format.js';

export function compareHref(indicator, asOf, level) {
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (level) params.set('level', level);
  const q = params.toString();
  return `#/compare/${encodeURIComponent(indicator)}${q ? `?${q}` : ''}`;
}

/**
 * r: {indicator, asOf, level}; ctx: the route's {controller}; ui: the dashboard's shared states
 * {view, loading, warming, failure, partialBanner, setCrumbs, setStatus, regionHref}.
 */
export async function renderCompare(r, ctx, ui, cursor = null, rank = 0) {
  const { view } = ui;
  document.title = `${r.indicator} · compare regions · Regional Metrics`;
  ui.setCrumbs({ text: 'Regions', href: '#/' }, { text: `Compare ${r.indicator}` });
  view.replaceChildren(ui.loading(`Comparing ${r.indicator}…`));
  let body;
  try {
    body = await api.compare(r.indicator, { asOf: r.asOf, level: r.level, cursor },
      { signal: ctx.controller.signal, onWait: ui.warming(view) });
  } catch (e) {
    if (ctx.controller.signal.aborted) return;
    ui.failure(view, `a comparison of ${r.indicator}`, e, () => renderCompare(r, ctx, ui, cursor, rank));
    return;
  }
  ui.setStatus('live', 'ok');
  const items = body.items;
  const label = items[0]?.indicatorLabel || r.indicator;
  const max = Math.max(...items.map((i) => Math.abs(i.value)), 0);
  const rows = items.map((e, n) => {
    const q = qualifier(e.qualifier);
    const width = max > 0 ? (100 * Math.abs(e.value)) / max : 0;
    return h('tr', { class: 'cmp-row', dataset: { region: e.region, value: String(e.value), period: e.period } },
      h('td', { class: 'muted' }, String(rank + n + 1)),
      h('td', {}, h('a', { href: ui.regionHref(e.region, e.indicator, r.asOf) }, e.region)),
      h('td', { class: 'cmp-bar-cell' },
        h('div', { class: 'cmp-bar', style: `width:${width.toFixed(1)}%` }),
        h('span', { class: 'num', title: fullValue(e.value) }, `${q ? q.sign : ''}${formatValue(e.value)}`),
        h('span', { class: 'unit' }, ` ${unitText(e.unit)}`)),
      h('td', {}, e.period),
      h('td', { class: 'mono small', title: e.evidence || '' }, e.articleId));
  });
  const asOfInput = h('input', {
    type: 'text', id: 'cmp-as-of', value: r.asOf || '', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD',
    'aria-label': 'as of', size: 14,
  });
  const levelSelect = h('select', { id: 'cmp-level', 'aria-label': 'level' },
    ['', 'province', 'prefecture', 'county', 'zone'].map((l) =>
      h('option', { value: l, selected: (r.level || '') === l }, l || 'all levels')));
  const apply = (ev) => {
    ev.preventDefault();
    location.hash = compareHref(r.indicator, asOfInput.value.trim() || null, levelSelect.value || null);
  };
  view.replaceChildren(
    ui.partialBanner(body) || '',
    h('div', { class: 'region-head' },
      h('h1', {}, label),
      h('span', { class: 'muted mono' }, r.indicator),
      h('span', { class: 'muted' }, `${items.length} region${items.length === 1 ? '' : 's'}${r.asOf ? ` as of ${r.asOf}` : ', latest'}`)),
    h('form', { class: 'as-of', id: 'cmp-form', onsubmit: apply },
      h('label', { for: 'cmp-as-of' }, 'As of'), asOfInput, levelSelect,
      h('button', { class: 'btn', type: 'submit' }, 'Compare'),
      h('a', { class: 'btn', href: `/api/compare/${encodeURIComponent(r.indicator)}?format=csv&bom=true${r.asOf ? `&asOf=${encodeURIComponent(r.asOf)}` : ''}${r.level ? `&level=${r.level}` : ''}` }, 'CSV')),
    items.length === 0
      ? h('div', { class: 'state empty', id: 'state' }, `No region has a value of ${r.indicator}${r.asOf ? ` as of ${r.asOf}` : ''}.`)
      : h('table', { class: 'history compare', id: 'compare' },
        h('thead', {}, h('tr', {}, ['#', 'Region', 'Value', 'Period', 'Article'].map((t) => h('th', {}, t)))),
        h('tbody', {}, rows)),
    body.nextCursor && h('button', {
      class: 'btn', id: 'cmp-next', type: 'button',
      onclick: () => renderCompare(r, ctx, ui, body.nextCursor, rank + items.length),
    }, 'Next page'));
}
