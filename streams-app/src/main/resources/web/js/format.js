// Small DOM and formatting helpers: no innerHTML with data, numbers in the zh-CN style.

/** h('div', {class: 'x', onclick: f}, child, 'text', [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });

/** 3.05 -> "3.05"; 12345000 -> "1234.5万"; exact digits stay in the title. */
export function formatValue(v) {
  if (v == null || Number.isNaN(v)) return '–';
  return Math.abs(v) >= 100000 ? compact.format(v) : plain.format(v);
}

export function fullValue(v) {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }).format(v);
}

/** Canonical units shown to people; "index" and "count" need no unit text. */
export function unitText(unit) {
  if (!unit || unit === 'index') return '';
  if (unit === 'count') return '';
  return unit;
}

const QUALIFIERS = {
  EXACT: null,
  APPROX: { sign: '≈', text: 'approximately (约, 近)' },
  OVER: { sign: '>', text: 'more than (余, 多, 超过, 以上)' },
  UNDER: { sign: '<', text: 'less than (以内, 不到)' },
};

/** null for EXACT (nothing to show), else the sign and its meaning. */
export function qualifier(q) {
  if (!q || q in QUALIFIERS) return QUALIFIERS[q] || null;
  return { sign: q, text: q };
}

const DIRECTIONS = { UP: '▲', DOWN: '▼', FLAT: '■' };
export const directionSign = (d) => DIRECTIONS[d] || '';

/** Grouping by the part of the indicator id before the first '.'. */
const CATEGORIES = {
  air: ['Air quality', '空气质量'],
  water: ['Water', '水环境'],
  env: ['Ecology', '生态环境'],
  energy: ['Energy', '能源'],
  digital: ['Digital economy', '数字经济'],
  econ: ['Economy', '经济'],
  industry: ['Industry', '工业'],
  agri: ['Agriculture', '农业'],
  transport: ['Transport', '交通'],
  tourism: ['Tourism', '旅游'],
  edu: ['Education', '教育'],
  health: ['Health', '卫生健康'],
  eldercare: ['Elder care', '养老'],
  housing: ['Housing', '住房'],
  pop: ['Population', '人口'],
  culture: ['Culture', '文化'],
  sport: ['Sport', '体育'],
  other: ['Other', '其他'],
};
const ORDER = Object.keys(CATEGORIES);

export function categoryOf(indicatorId) {
  const dot = (indicatorId || '').indexOf('.');
  const prefix = dot > 0 ? indicatorId.slice(0, dot) : 'other';
  return prefix === 'x' ? 'other' : prefix;
}

export function categoryName(key) {
  return CATEGORIES[key] || [key.charAt(0).toUpperCase() + key.slice(1), ''];
}

export function categoryRank(key) {
  const i = ORDER.indexOf(key);
  return key === 'other' ? 1000 : i < 0 ? 500 : i;
}

// Periods and publication dates are days in China: show instants as dates there.
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "2025-03-09T16:00:00Z" -> "2025-03-10" (the day in Asia/Shanghai). */
export function shortDate(iso) {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : DAY.format(new Date(t));
}
