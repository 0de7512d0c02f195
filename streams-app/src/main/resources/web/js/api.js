// Talks to the JSON API. A 503 (stores warming up, rebalancing) is retried after its
// Retry-After, reporting each wait; any other error becomes an ApiError with the server's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
});

/**
 * GET a JSON document. onWait(seconds, message, attempt) is called before each retry of a 503.
 * Gives up on a 503 only when the signal aborts (the user navigated away).
 */
export async function getJson(path, { signal, onWait } = {}) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError(0, `Cannot reach the server (${e.message}).`);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      // an abort while the body streams in rejects here too: it must not pass for an empty answer
      if (signal?.aborted) throw e;
      if (response.ok) throw new ApiError(response.status, `Unreadable answer from the server (${e.message}).`);
    }
    if (response.ok) return body;
    const message = body?.message || `${response.status} ${response.statusText}`;
    if (response.status === 503) {
      const seconds = Math.min(Math.max(parseInt(response.headers.get('Retry-After'), 10) || 1, 1), 10);
      onWait?.(seconds, message, attempt);
      await sleep(seconds * 1000, signal);
      continue;
    }
    throw new ApiError(response.status, message);
  }
}

const enc = encodeURIComponent;

export const api = {
  regions: (opts) => getJson('/api/regions', opts),
  indicatorsOf: (region, opts) => getJson(`/api/regions/${enc(region)}/indicators`, opts),
  latest: (region, indicator, asOf, opts) =>
    getJson(`/api/indicators/${enc(region)}/${enc(indicator)}${asOf ? `?asOf=${enc(asOf)}` : ''}`, opts),
  search: (q, limit, opts) => getJson(`/api/indicators?q=${enc(q)}&limit=${limit}`, opts),
  compare: (indicator, { asOf, level, cursor } = {}, opts) => {
    const q = new URLSearchParams();
    if (asOf) q.set('asOf', asOf);
    if (level) q.set('level', level);
    if (cursor) q.set('cursor', cursor);
    const query = q.toString();
    return getJson(`/api/compare/${enc(indicator)}${query ? `?${query}` : ''}`, opts);
  },
  history: (region, indicator, opts) => getJson(`/api/indicators/${enc(region)}/${enc(indicator)}/history`, opts),
};
