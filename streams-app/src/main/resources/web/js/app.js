// The dashboard: hash routes
//   #/                                  regions with indicator counts
//   #/region/承德                        latest value of each indicator, grouped by category
//   #/region/承德/air.aqi_composite?asOf=2020-06-30   … plus that indicator's history, as-of and provenance
//   #/compare/air.aqi_composite?asOf=2020&level=prefecture   that measure in every region (compare.js)
// No build step: plain ES modules served by the app; the chart library comes from a WebJar.

import { api, ApiError } from './api.js';
import { renderChart } from './chart.js';
import { renderCompare, compareHref } from './compare.js';
import {
  h, formatValue, fullValue, unitText, qualifier, directionSign,
  categoryOf, categoryName, categoryRank, shortDate,
} from './format.js';

const view = document.getElementById('view');
const crumbs = document.getElementById('crumbs');
const search = document.getElementById('search');
const statusEl = document.getElementById('status');
const collator = new Intl.Collator('zh-CN');

let current = null; // { controller, cleanups: [], region, regionData }

// ---------- routing ----------

export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  const params = new URLSearchParams(query);
  if (parts[0] === 'compare' && parts[1]) {
    return { name: 'compare', indicator: parts[1], asOf: params.get('asOf') || null, level: params.get('level') || null };
  }
  if (parts[0] === 'region' && parts[1]) {
    return { name: 'region', region: parts[1], indicator: parts[2] || null, asOf: params.get('asOf') || null };
  }
  return { name: 'home' };
}

export function regionHref(region, indicator, asOf) {
  let href = `#/region/${encodeURIComponent(region)}`;
  if (indicator) href += `/${encodeURIComponent(indicator)}`;
  if (asOf) href += `?asOf=${encodeURIComponent(asOf)}`;
  return href;
}

function route() {
  const r = parseRoute(location.hash);
  // same region, other indicator or as-of: keep the list, redraw the detail only
  if (r.name === 'region' && current?.region === r.region && current.regionData) {
    current.detailController?.abort();
    selectIndicator(r);
    return;
  }
  current?.controller.abort();
  current?.live?.close();
  delete view.dataset.live;
  current?.cleanups.forEach((f) => f());
  current = { controller: new AbortController(), cleanups: [], region: null };
  search.value = '';
  if (r.name === 'region') renderRegion(r, current);
  else if (r.name === 'compare') {
    renderCompare(r, current, { view, loading, warming, failure, partialBanner, setCrumbs, setStatus, regionHref });
  } else renderHome(current);
}

// ---------- shared states ----------

function loading(text = 'Loading…') {
  return h('div', { class: 'state loading', id: 'state' }, h('span', { class: 'spinner' }), text);
}

function warming(target) {
  return (seconds, message, attempt) => {
    target.replaceChildren(h('div', { class: 'state warming', id: 'state', role: 'status' },
      h('span', { class: 'spinner' }),
      h('div', {},
        h('strong', {}, 'Warming up, retrying…'),
        h('div', { class: 'muted' }, `${message} · next try in ${seconds} s (attempt ${attempt})`))));
    setStatus('warming up', 'warn');
  };
}

function failure(target, what, error, retry) {
  const notFound = error instanceof ApiError && error.status === 404;
  target.replaceChildren(h('div', { class: `state ${notFound ? 'empty' : 'error'}`, id: 'state', role: 'alert' },
    h('div', {},
      h('strong', {}, notFound ? `Nothing here yet: ${what}` : `Could not load ${what}`),
      h('div', { class: 'muted' }, error.message)),
    retry && h('button', { class: 'btn', onclick: retry }, 'Retry'),
    notFound && h('a', { class: 'btn', href: '#/' }, 'All regions')));
}

/** Shown when some partitions did not answer a listing (an instance down or rebalancing). */
function partialBanner(body) {
  if (!body?.partial) return null;
  const n = body.missingPartitions?.length;
  return h('div', { class: 'state warming partial', id: 'partial', role: 'status' },
    h('div', {}, h('strong', {}, 'Incomplete: '),
      `${n ? `${n} partition${n === 1 ? '' : 's'}` : 'some partitions'} did not answer (an instance is down or rebalancing). Reload in a moment.`));
}

function setStatus(text, kind) {
  statusEl.textContent = text;
  statusEl.className = `status ${kind || ''}`;
}

function setCrumbs(...items) {
  crumbs.replaceChildren(...items.flatMap((item, i) => [
    i > 0 ? h('span', { class: 'sep' }, '›') : null,
    item.href ? h('a', { href: item.href }, item.text) : h('span', { class: 'here' }, item.text),
  ]).filter(Boolean));
}

// ---------- home: regions ----------

async function renderHome(ctx) {
  document.title = 'Regional Metrics · 区域指标';
  setCrumbs({ text: 'Regions' });
  search.placeholder = 'Filter regions  ( / )';
  view.replaceChildren(loading('Loading regions…'));
  let body;
  try {
    body = await api.regions({ signal: ctx.controller.signal, onWait: warming(view) });
  } catch (e) {
    if (ctx.controller.signal.aborted) return;
    failure(view, 'the regions', e, () => renderHome(ctx));
    return;
  }
  setStatus('live', 'ok');
  const regions = [...body.regions].sort((a, b) => b.indicators - a.indicators || collator.compare(a.region, b.region));
  if (regions.length === 0) {
    view.replaceChildren(h('div', { class: 'state empty', id: 'state' },
      h('div', {},
        h('strong', {}, 'No regions yet'),
        h('div', { class: 'muted' }, 'Ingest some articles: ',
          h('code', {}, 'java -jar regional-metrics.jar ingest articles/'),
          ' or POST text to ', h('code', {}, '/api/articles'), '.'))));
    return;
  }
  const total = regions.reduce((n, r) => n + r.indicators, 0);
  const newest = regions.map((r) => r.latestObservedAt).filter(Boolean).sort().at(-1);
  const cards = regions.map((r) => h('a', {
    class: 'card region-card', href: regionHref(r.region), dataset: { region: r.region, search: `${r.region} ${r.regionCode || ''}`.toLowerCase() },
  },
  h('div', { class: 'region-name' }, r.region),
  h('div', { class: 'muted small' }, r.regionCode || '\u00a0'),
  h('div', { class: 'region-foot' },
    h('span', { class: 'count', title: 'indicators' }, String(r.indicators), h('span', { class: 'muted' }, ' indicators')),
    h('span', { class: 'muted small', title: 'latest observation' }, shortDate(r.latestObservedAt)))));
  const none = h('div', { class: 'state empty hidden', id: 'no-match' }, 'No region matches the search.');
  const matches = h('section', { class: 'matches hidden', id: 'matches' });
  view.replaceChildren(
    partialBanner(body) || '',
    h('section', { class: 'summary' },
      stat(regions.length, 'regions'), stat(total, 'indicators'), stat(shortDate(newest) || '–', 'newest observation')),
    h('div', { class: 'grid regions', id: 'regions' }, cards),
    none,
    matches);
  let searchTimer;
  let searchController;
  applyFilter = (q) => {
    let shown = 0;
    for (const c of cards) {
      const hit = !q || c.dataset.search.includes(q);
      c.classList.toggle('hidden', !hit);
      shown += hit;
    }
    none.classList.toggle('hidden', shown > 0 || !!q);
    // indicators in every region, searched by the API (label, id or region)
    clearTimeout(searchTimer);
    searchController?.abort();
    if (!q) {
      matches.classList.add('hidden');
      return;
    }
    searchTimer = setTimeout(() => searchIndicators(q, matches, shown, (searchController = new AbortController())), 200);
  };
}

async function searchIndicators(q, target, regionsShown, controller) {
  const LIMIT = 50;
  let body;
  try {
    body = await api.search(q, LIMIT, { signal: controller.signal });
  } catch (e) {
    if (controller.signal.aborted) return;
    target.replaceChildren(h('div', { class: 'muted' }, `Indicator search failed: ${e.message}`));
    target.classList.remove('hidden');
    return;
  }
  const items = body.items || [];
  target.classList.remove('hidden');
  target.dataset.query = q;
  target.dataset.count = String(items.length);
  if (items.length === 0) {
    target.replaceChildren(h('div', { class: 'state empty' }, regionsShown ? `No indicator matches “${q}”.` : `Nothing matches “${q}”.`));
    return;
  }
  target.replaceChildren(
    h('h2', {}, `Indicators matching “${q}”`, h('span', { class: 'muted small' }, ` ${items.length}${body.nextCursor ? '+' : ''}`)),
    h('div', { class: 'rows match-rows' }, items.map((i) => {
      const q2 = qualifier(i.qualifier);
      return h('a', { class: 'match', href: regionHref(i.region, i.indicator), dataset: { region: i.region, indicator: i.indicator } },
        h('span', { class: 'match-region' }, i.region),
        h('span', { class: 'match-label' }, i.indicatorLabel || i.indicator, h('span', { class: 'muted small mono' }, ` ${i.indicator}`)),
        h('span', { class: 'match-value' }, q2 && h('span', { class: 'qual', title: q2.text }, q2.sign),
          h('span', { class: 'num', title: fullValue(i.value) }, formatValue(i.value)),
          unitText(i.unit) && h('span', { class: 'unit' }, unitText(i.unit))),
        h('span', { class: 'muted small' }, i.period));
    })));
}

function stat(value, label) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, String(value)), h('div', { class: 'muted small' }, label));
}

// ---------- region: latest values by category ----------

async function renderRegion(r, ctx) {
  ctx.region = r.region;
  document.title = `${r.region} · Regional Metrics`;
  setCrumbs({ text: 'Regions', href: '#/' }, { text: r.region });
  search.placeholder = 'Filter indicators  ( / )';
  view.replaceChildren(loading(`Loading ${r.region}…`));
  let body;
  try {
    body = await api.indicatorsOf(r.region, { signal: ctx.controller.signal, onWait: warming(view) });
  } catch (e) {
    if (ctx.controller.signal.aborted) return;
    failure(view, `indicators of ${r.region}`, e, () => renderRegion(r, ctx));
    return;
  }
  setStatus('live', 'ok');
  ctx.regionData = body;
  const indicators = body.indicators;
  const groups = new Map();
  for (const i of indicators) {
    const key = categoryOf(i.indicator);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  }
  const sections = [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b))
    .map(([key, items]) => {
      const [en, zh] = categoryName(key);
      items.sort((a, b) => collator.compare(a.indicatorLabel || a.indicator, b.indicatorLabel || b.indicator));
      return h('section', { class: 'category', dataset: { category: key } },
        h('h3', {}, en, zh && h('span', { class: 'zh' }, zh), h('span', { class: 'muted small' }, ` ${items.length}`)),
        h('div', { class: 'rows' }, items.map((i) => indicatorRow(body.region, i, `${en} ${zh}`))));
    });
  const first = indicators[0];
  view.replaceChildren(
    partialBanner(body) || '',
    h('div', { class: 'region-head' },
      h('h1', {}, body.region),
      first?.regionCode && h('span', { class: 'code' }, first.regionCode),
      h('span', { class: 'muted' }, `${indicators.length} indicator${indicators.length === 1 ? '' : 's'} in ${groups.size} categor${groups.size === 1 ? 'y' : 'ies'}`)),
    h('div', { class: 'region-layout' },
      h('div', { class: 'indicator-list', id: 'indicator-list' },
        sections,
        h('div', { class: 'state empty hidden', id: 'no-match' }, 'No indicator matches the search.')),
      h('aside', { class: 'detail', id: 'detail' })));
  applyFilter = (q) => {
    let shown = 0;
    for (const section of view.querySelectorAll('.category')) {
      let inSection = 0;
      for (const row of section.querySelectorAll('.ind')) {
        const hit = !q || row.dataset.search.includes(q);
        row.classList.toggle('hidden', !hit);
        inSection += hit;
      }
      section.classList.toggle('hidden', inSection === 0);
      shown += inSection;
    }
    view.querySelector('#no-match').classList.toggle('hidden', shown > 0);
  };
  selectIndicator(r);
  if (!ctx.live) ctx.live = liveUpdates(body.region, ctx);
}

/** Redraws the region page when a change of one of its indicators is committed (GET /api/changes). */
function liveUpdates(region, ctx) {
  if (!window.EventSource) return null;
  const source = new EventSource(`/api/changes?region=${encodeURIComponent(region)}`);
  let timer = null;
  source.addEventListener('change', (ev) => {
    const change = JSON.parse(ev.data);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (ctx !== current || ctx.controller.signal.aborted) return;
      const r = parseRoute(location.hash);
      ctx.regionData = null;
      await renderRegion(r, ctx);
      setStatus(`live · updated ${change.indicatorLabel || change.indicator} ${new Date().toLocaleTimeString()}`, 'ok');
    }, 300);
  });
  source.addEventListener('ready', () => { view.dataset.live = 'on'; });
  return { close: () => { clearTimeout(timer); source.close(); } };
}

function indicatorRow(region, i, categoryText) {
  const q = qualifier(i.qualifier);
  const u = unitText(i.unit);
  return h('a', {
    class: 'ind', href: regionHref(region, i.indicator),
    dataset: { indicator: i.indicator, search: `${i.indicatorLabel} ${i.indicator} ${categoryText}`.toLowerCase() },
    title: i.indicator,
  },
  h('div', { class: 'ind-label' }, i.indicatorLabel || i.indicator),
  h('div', { class: 'ind-value' },
    q && h('span', { class: 'qual', title: q.text }, q.sign),
    h('span', { class: 'num', title: fullValue(i.value) }, formatValue(i.value)),
    u && h('span', { class: 'unit' }, u)),
  h('div', { class: 'ind-meta' },
    h('span', { class: 'period' }, i.period),
    i.change && h('span', { class: `chg ${i.change.direction?.toLowerCase()}` }, `${directionSign(i.change.direction)} ${i.change.kind?.toLowerCase()}`)));
}

// ---------- indicator: history chart, as-of, provenance ----------

async function selectIndicator(r) {
  const ctx = current;
  const detail = document.getElementById('detail');
  if (!detail) return;
  for (const row of view.querySelectorAll('.ind')) row.classList.toggle('selected', row.dataset.indicator === r.indicator);
  ctx.cleanups.forEach((f) => f());
  ctx.cleanups = [];
  if (!r.indicator) {
    detail.replaceChildren(h('div', { class: 'state hint' }, 'Pick an indicator to see its history, the value as of any date, and where each number comes from.'));
    setCrumbs({ text: 'Regions', href: '#/' }, { text: r.region });
    return;
  }
  const latest = ctx.regionData.indicators.find((i) => i.indicator === r.indicator);
  setCrumbs({ text: 'Regions', href: '#/' }, { text: r.region, href: regionHref(r.region) },
    { text: latest?.indicatorLabel || r.indicator });
  document.title = `${latest?.indicatorLabel || r.indicator} · ${r.region} · Regional Metrics`;
  const controller = new AbortController();
  ctx.detailController = controller;
  const opts = { signal: controller.signal, onWait: warming(detail) };
  detail.replaceChildren(loading('Loading history…'));
  let history;
  let asOfValue = null;
  let asOfError = null;
  try {
    [history, asOfValue] = await Promise.all([
      api.history(r.region, r.indicator, opts),
      r.asOf ? api.latest(r.region, r.indicator, r.asOf, opts).catch((e) => { asOfError = e; return null; }) : null,
    ]);
  } catch (e) {
    if (controller.signal.aborted) return;
    failure(detail, `the history of ${r.indicator}`, e, () => selectIndicator(r));
    return;
  }
  if (controller.signal.aborted) return;
  const values = history.values;
  const head = latest || values.at(-1);
  const chartEl = h('div', { class: 'chart', id: 'chart', dataset: { indicator: r.indicator } });
  detail.replaceChildren(
    h('div', { class: 'detail-head' },
      h('div', {},
        h('h2', {}, head?.indicatorLabel || r.indicator),
        h('div', { class: 'muted small mono' }, r.indicator),
        h('a', { class: 'small', id: 'compare-link', href: compareHref(r.indicator, r.asOf) }, 'Compare regions ›')),
      head && bigValue(head)),
    asOfForm(r, values, asOfValue, asOfError),
    chartEl,
    head && provenance(head, 'Where does the latest value come from?'),
    historyTable(values));
  ctx.cleanups.push(renderChart(chartEl, values, { unit: head?.unit, asOf: r.asOf, asOfEvent: asOfValue }));
  if (window.matchMedia('(max-width: 900px)').matches) detail.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function bigValue(e) {
  const q = qualifier(e.qualifier);
  return h('div', { class: 'big' },
    h('div', {},
      q && h('span', { class: 'qual', title: q.text }, q.sign),
      h('span', { class: 'num', title: fullValue(e.value) }, formatValue(e.value)),
      h('span', { class: 'unit' }, unitText(e.unit))),
    h('div', { class: 'muted small' }, `latest · period ${e.period}`, q ? ` · ${q.text}` : ''));
}

function asOfForm(r, values, asOfValue, asOfError) {
  const input = h('input', {
    type: 'date', id: 'as-of', value: /^\d{4}-\d{2}-\d{2}$/.test(r.asOf || '') ? r.asOf : '',
    min: '1970-01-01', 'aria-label': 'as-of date',
  });
  const go = (asOf) => { location.hash = regionHref(r.region, r.indicator, asOf || null); };
  input.addEventListener('change', () => go(input.value));
  const years = [...new Set(values.map((v) => v.period.slice(0, 4)))];
  let result;
  if (!r.asOf) {
    result = h('span', { class: 'muted' }, 'Pick a date to see the value that was valid then.');
  } else if (asOfValue) {
    const q = qualifier(asOfValue.qualifier);
    result = h('span', {},
      `As of ${r.asOf}: `,
      h('strong', { class: 'as-of-value' }, `${q ? q.sign : ''}${fullValue(asOfValue.value)} ${unitText(asOfValue.unit)}`.trim()),
      h('span', { class: 'muted' }, ` (period ${asOfValue.period}, article ${asOfValue.articleId})`));
  } else {
    result = h('span', { class: 'warn-text' },
      asOfError?.status === 404 ? `No value known as of ${r.asOf}.` : `As-of query failed: ${asOfError?.message}`);
  }
  return h('div', { class: 'as-of' },
    h('label', { for: 'as-of' }, 'As of'),
    input,
    h('div', { class: 'chips' },
      years.map((y) => h('button', { class: `chip ${r.asOf === y ? 'on' : ''}`, type: 'button', onclick: () => go(y), title: `as of the end of ${y}` }, y)),
      h('button', { class: `chip ${r.asOf ? '' : 'on'}`, type: 'button', id: 'as-of-latest', onclick: () => go(null) }, 'Latest')),
    h('div', {
      class: 'as-of-result', id: 'as-of-result',
      dataset: { asOf: r.asOf || 'latest', value: asOfValue ? String(asOfValue.value) : '', period: asOfValue?.period || '' },
    }, result));
}

function provenance(e, summary) {
  return h('details', { class: 'provenance' },
    h('summary', {}, summary),
    provenanceBody(e));
}

function provenanceBody(e) {
  return h('div', { class: 'prov-body' },
    h('blockquote', { class: 'evidence', lang: 'zh-CN' }, highlight(e.evidence || '', e.rawText)),
    h('dl', {},
      h('dt', {}, 'Article'), h('dd', { class: 'mono' }, e.articleId),
      h('dt', {}, 'Published'), h('dd', {}, shortDate(e.publishedAt) || 'unknown'),
      h('dt', {}, 'As written'), h('dd', { class: 'raw' }, e.rawText || '–'),
      h('dt', {}, 'Value'), h('dd', {}, `${fullValue(e.value)} ${e.unit || ''}`),
      h('dt', {}, 'Period'), h('dd', {}, `${e.period} (valid from ${e.observedAt})`),
      e.change && [h('dt', {}, 'Change'), h('dd', {}, `${e.change.kind} ${e.change.direction}`)],
      e.sources && e.sources.length > 1 && [h('dt', {}, 'Also stated by'),
        h('dd', { class: 'mono small' }, e.sources.filter((s) => s.articleId !== e.articleId).map((s) => s.articleId).join(', '))],
      e.otherClaims && e.otherClaims.length > 0 && [h('dt', {}, 'Other claims'),
        h('dd', { class: 'small' }, e.otherClaims.map((c) => `${fullValue(c.value)} (${c.articleId}, ${shortDate(c.publishedAt) || 'undated'})`).join('; '))],
      h('dt', {}, 'Event'), h('dd', { class: 'mono small' }, e.eventId),
      h('dt', {}, 'Parser'), h('dd', { class: 'small' }, e.parserVersion || '–')));
}

function highlight(text, raw) {
  const at = raw ? text.indexOf(raw) : -1;
  if (at < 0) return text;
  return [text.slice(0, at), h('mark', {}, raw), text.slice(at + raw.length)];
}

function historyTable(values) {
  const rows = [...values].reverse().flatMap((v) => {
    const q = qualifier(v.qualifier);
    const prov = h('tr', { class: 'prov-row hidden' }, h('td', { colspan: 5 }, provenanceBody(v)));
    const button = h('button', {
      class: 'link', type: 'button', 'aria-expanded': 'false',
      onclick: () => {
        const open = prov.classList.toggle('hidden') === false;
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'hide' : 'source';
      },
    }, 'source');
    return [h('tr', {},
      h('td', {}, v.period),
      h('td', { class: 'right' }, q && h('span', { class: 'qual', title: q.text }, q.sign), fullValue(v.value)),
      h('td', { class: 'raw' }, v.rawText || ''),
      h('td', { class: 'mono small' }, v.articleId),
      h('td', {}, button)), prov];
  });
  return h('table', { class: 'history', id: 'history' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Period'), h('th', { class: 'right' }, 'Value'), h('th', {}, 'As written'),
      h('th', {}, 'Article'), h('th', {}, 'Provenance'))),
    h('tbody', {}, rows));
}

// ---------- search ----------

let applyFilter = () => {};
search.addEventListener('input', () => applyFilter(search.value.trim().toLowerCase()));
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement !== search && !['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName)) {
    e.preventDefault();
    search.focus();
  } else if (e.key === 'Escape' && document.activeElement === search) {
    search.value = '';
    applyFilter('');
  }
});

window.addEventListener('hashchange', route);
route();
