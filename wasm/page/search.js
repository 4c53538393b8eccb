// The reference page's search box (wasm/page.mjs inlines this file, after the
// npm package's core.mjs and the module's bytes as SSPR_WASM_BASE64): lookup
// and ranked search as you type, in the same sspr-errors.wasm; the answers
// are links to the entries' #ID anchors in <ol id="results">, best first.
// reference.html?q=TEXT runs TEXT on load, and the address follows what is
// typed so that it can be shared. Without JavaScript the page is unchanged.
const LIMIT = 10;

function wasmBytes() {
  const text = atob(SSPR_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// lookup's answers (a code, an HRESULT, an id, a name, a message) first, then
// search's ranked ones not already listed: at most LIMIT.
function answers(api, q) {
  const rows = [];
  const seen = new Set();
  const add = (entry, confidence) => {
    if (rows.length < LIMIT && !seen.has(entry.id)) {
      seen.add(entry.id);
      rows.push({ entry, confidence });
    }
  };
  if (!q.trim()) return rows;
  for (const e of api.lookup(q)) add(e, e.confidence);
  for (const h of api.search(q, { limit: LIMIT })) add(h.entry, h.confidence);
  return rows;
}

function element(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

function setUp() {
  const input = element('input', {
    id: 'q', type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false',
    placeholder: '32009, 0x80230619, AuthTokenError, or what the ticket says',
    'aria-describedby': 'search-status',
  });
  const status = element('p', { id: 'search-status', class: 'muted', 'aria-live': 'polite' },
    'Loading the search…');
  const results = element('ol', { id: 'results' });
  const form = element('form', { id: 'search', role: 'search' },
    element('label', { for: 'q' }, 'Search the reference'), input, status, results);
  const header = document.querySelector('header');
  const h1 = header && header.querySelector('h1');
  if (h1) h1.after(form);
  else document.body.prepend(form);

  let api = null;
  const show = () => {
    const q = input.value;
    try {
      const url = new URL(location.href);
      if (q.trim()) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      if (url.href !== location.href) history.replaceState(null, '', url.href);
    } catch (err) {
      // some browsers refuse to change a file:// address: the search still works
    }
    if (!api) return;
    const rows = answers(api, q);
    results.replaceChildren(...rows.map(({ entry, confidence }) => element('li',
      { class: 'conf-' + confidence },
      element('a', { href: '#' + entry.id }, element('code', {}, entry.id), ' ',
        element('span', { class: 't' }, entry.title)),
      confidence === 'low' ? element('span', { class: 'muted' }, ' (low confidence)') : '')));
    status.textContent = !q.trim() ? 'Type a code, an HRESULT, a name, a message or a description.'
      : rows.length ? `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}, best first`
        : 'Nothing in the catalogue matches.';
  };
  input.addEventListener('input', show);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const first = results.querySelector('a');
    if (first) location.hash = first.getAttribute('href');
  });
  input.value = new URLSearchParams(location.search).get('q') || '';

  if (typeof WebAssembly !== 'object') {
    status.textContent = 'The search needs WebAssembly, which this browser does not have.';
    return;
  }
  create(wasmBytes()).then((a) => {
    api = a;
    show();
  }, (err) => {
    status.textContent = 'The search could not start: ' + err;
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();
