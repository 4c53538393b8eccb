// sspr-errors for JavaScript: a thin layer over sspr-errors.wasm, the C
// library compiled to a standalone WebAssembly module with no imports. Every
// lookup, search and scan runs in the module, so the answers are exactly those
// of the C library and of the `sspr-errors` tool; this file only copies text
// in and reads the answers out through the library's accessors.
//
// Objects carry the keys of the tool's JSON output (sspr-errors(1), --json):
// entries those of `show --json`, lookup hits add `confidence`, search hits
// are {score, confidence, entry}, decode is `decode --json`, and scanned
// records have the keys of `scan --json --records`.
//
// No file system, no fetch: create() and createSync() take the module's bytes
// (or a compiled WebAssembly.Module). index.mjs / index.cjs (Node) and
// browser.mjs load them. The package's core.cjs is this file for require(),
// written from it by tools/pack.mjs.

// The keys of a scanned record, in the order of sspr_record_field (the values
// 0 to 19 of the C enum) and of `sspr-errors scan --json --records`.
const RECORD_FIELDS = [
  ['format', 'text'], ['source', 'text'], ['event_id', 'number'], ['record_id', 'number'],
  ['level', 'text'], ['time', 'text'], ['computer', 'text'], ['tracking_id', 'text'],
  ['user', 'text'], ['operation', 'text'], ['exception', 'text'], ['hresults', 'hresults'],
  ['message', 'text'], ['entries', 'entries'], ['activity', 'text'], ['result', 'text'],
  ['reason', 'text'], ['correlation_id', 'text'], ['initiator', 'text'], ['details', 'text'],
];

const SCANNER_SIZE = 8192; // SSPR_SCANNER_SIZE
const CHUNK = 65536; // bytes copied into the module per sspr_scan_feed
const SIZEOF_RESULT = 24; // sspr_result on wasm32: entry, (pad), double score, confidence, (pad)

const hex32 = (v) => '0x' + (v >>> 0).toString(16).toUpperCase().padStart(8, '0');

// A one-function module that imports a JavaScript function and exports it as
// a WebAssembly function of the given signature, so that it can sit in the
// library's function table (the library calls its scanner callbacks through
// that table). Value types: 0x7f i32, 0x7e i64.
function trampoline(params, results, fn) {
  const type = [0x60, params.length, ...params, results.length, ...results];
  const section = (id, body) => [id, body.length, ...body];
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, ...type]),
    ...section(2, [1, 1, 0x65, 1, 0x66, 0x00, 0x00]), // import "e" "f", a function of type 0
    ...section(7, [1, 1, 0x66, 0x00, 0x00]), // export it as "f"
  ]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { f: fn } });
  return instance.exports.f;
}

function bind(instance) {
  const x = instance.exports;
  if (typeof x._initialize === 'function') x._initialize();
  const memory = x.memory;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  let u8 = new Uint8Array(memory.buffer);
  let dv = new DataView(memory.buffer);
  // Views of the module's memory, made again should it ever grow.
  const fresh = () => {
    if (u8.buffer !== memory.buffer) {
      u8 = new Uint8Array(memory.buffer);
      dv = new DataView(memory.buffer);
    }
  };

  const malloc = (n) => {
    const p = x.malloc(n > 0 ? n : 1);
    if (!p) throw new RangeError('sspr-errors: the WebAssembly module is out of memory');
    return p;
  };

  // A NUL-terminated C string at p, or null for NULL.
  const str = (p) => {
    if (!p) return null;
    fresh();
    let end = p;
    while (u8[end] !== 0) end++;
    return decoder.decode(u8.subarray(p, end));
  };
  const u32 = (v) => v >>> 0;
  const i64 = (v) => Number(BigInt.asIntN(64, BigInt(v)));
  const u64 = (v) => Number(BigInt.asUintN(64, BigInt(v)));

  // Calls fn(pointer) with text copied into the module as a C string.
  const withText = (text, fn) => {
    const bytes = typeof text === 'string' ? encoder.encode(text) : asBytes(text);
    if (bytes.indexOf(0) >= 0) throw new TypeError('sspr-errors: the text holds a NUL character');
    const p = malloc(bytes.length + 1);
    try {
      fresh();
      u8.set(bytes, p);
      u8[p + bytes.length] = 0;
      return fn(p);
    } finally {
      x.free(p);
    }
  };

  // An answer of a counted function fill(out, cap) -> total, as an array of
  // size-byte items read by read(address): asked with a guess first, then again
  // with room for all.
  const counted = (fill, size, read, guess = 32) => {
    let cap = guess;
    for (;;) {
      const out = malloc(cap * size);
      try {
        const n = u32(fill(out, cap));
        if (n <= cap) {
          const items = [];
          fresh();
          for (let i = 0; i < n; i++) items.push(read(out + i * size));
          return items;
        }
        cap = n;
      } finally {
        x.free(out);
      }
    }
  };
  const pointerAt = (a) => dv.getUint32(a, true);

  // ---- entries, as `sspr-errors show --json` writes them -----------------------

  const list = (what, e, item) => {
    const n = u32(x['sspr_entry_' + what + '_count'](e));
    const out = [];
    for (let i = 0; i < n; i++) out.push(item(x['sspr_entry_' + what](e, i)));
    return out;
  };
  const idOf = (e) => str(x.sspr_entry_id(e));

  const fact = (f) => {
    const o = { key: str(x.sspr_fact_key(f)) };
    if (!x.sspr_fact_is_number(f)) {
      o.value = str(x.sspr_fact_string(f));
    } else {
      const min = x.sspr_fact_min(f);
      const max = x.sspr_fact_max(f);
      if (min === max) o.value = min;
      else Object.assign(o, { min, max });
    }
    const older = x.sspr_fact_supersedes(f);
    return Object.assign(o, {
      unit: str(x.sspr_fact_unit(f)),
      text: str(x.sspr_fact_text(f)),
      origin: str(x.sspr_fact_origin(f)),
      supersedes: older ? str(x.sspr_fact_key(older)) : null,
      url: str(x.sspr_fact_url(f)),
      date: str(x.sspr_fact_date(f)),
    });
  };

  const mentions = (e) => {
    const n = u32(x.sspr_entry_mention_count(e));
    const out = [];
    const p = malloc(24); // const char *source; (pad); int64_t code; uint32_t hresult
    try {
      for (let i = 0; i < n; i++) {
        x.sspr_entry_mention(e, i, p, p + 8, p + 16);
        fresh();
        const code = Number(dv.getBigInt64(p + 8, true));
        const hr = dv.getUint32(p + 16, true);
        out.push({ source: str(dv.getUint32(p, true)), code: code >= 0 ? code : null,
          hresult: hr ? hex32(hr) : null });
      }
    } finally {
      x.free(p);
    }
    return out;
  };

  const refs = (e) => list('ref', e, (r) => ({
    url: str(x.sspr_ref_url(r)), date: str(x.sspr_ref_date(r)), title: str(x.sspr_ref_title(r)),
  }));

  const freeze = (o) => {
    for (const v of Object.values(o)) if (v && typeof v === 'object') freeze(v);
    return Object.freeze(o);
  };

  const cache = new Map(); // entry address -> its frozen object
  const entry = (e) => {
    if (!e) return null;
    let o = cache.get(e);
    if (o) return o;
    const code = i64(x.sspr_entry_code(e));
    const order = x.sspr_entry_order(e);
    o = freeze({
      id: idOf(e),
      kind: str(x.sspr_kind_name(x.sspr_entry_kind(e))),
      source: str(x.sspr_entry_source(e)),
      code: code >= 0 ? code : null,
      name: str(x.sspr_entry_name(e)),
      aliases: list('alias', e, str),
      hresults: list('hresult', e, hex32),
      severity: str(x.sspr_severity_name(x.sspr_entry_severity(e))),
      area: str(x.sspr_entry_area(e)),
      title: str(x.sspr_entry_title(e)),
      summary: str(x.sspr_entry_summary(e)),
      messages: list('message', e, str),
      causes: list('cause', e, str),
      steps: list('step', e, str),
      procedures: list('procedure', e, idOf),
      related: list('related', e, idOf),
      mentions: mentions(e),
      facts: list('fact', e, fact),
      order: order ? order : null,
      section: str(x.sspr_entry_section(e)),
      origin: str(x.sspr_entry_origin(e)),
      refs: refs(e),
    });
    cache.set(e, o);
    return o;
  };
  const entries = (addresses) => addresses.map(entry);

  // ---- the API --------------------------------------------------------------------

  const version = () => str(x.sspr_version());
  const catalogVersion = () => str(x.sspr_catalog_version());
  const count = () => u32(x.sspr_count());
  const at = (i) => (Number.isInteger(i) && i >= 0 && i < count() ? entry(x.sspr_at(i)) : null);
  const all = () => {
    const out = [];
    for (let i = 0, n = count(); i < n; i++) out.push(entry(x.sspr_at(i)));
    return out;
  };

  const readResult = (a) => ({
    entry: pointerAt(a), score: dv.getFloat64(a + 8, true), confidence: dv.getInt32(a + 16, true),
  });
  const confidenceName = (c) => str(x.sspr_confidence_name(c));

  // Everything that matches what a person pasted, best first, each entry with
  // its confidence: `sspr-errors lookup --json QUERY`.
  const hitCache = new Map(); // entry address and confidence -> the frozen hit
  const lookupHit = (r) => {
    const key = r.entry * 4 + r.confidence;
    let o = hitCache.get(key);
    if (!o) {
      o = Object.freeze({ ...entry(r.entry), confidence: confidenceName(r.confidence) });
      hitCache.set(key, o);
    }
    return o;
  };
  const lookup = (query) => withText(query, (q) =>
    counted((out, cap) => x.sspr_lookup_results(q, out, cap), SIZEOF_RESULT, readResult)
      .map(lookupHit));

  // Ranked free-text search: {score, confidence, entry}, best first, at most
  // limit of them (all matches for limit null or Infinity):
  // `sspr-errors search --json --limit N TEXT`.
  const search = (text, options = {}) => {
    const limit = options.limit === undefined ? 5 : options.limit;
    return withText(text, (q) => {
      const cap = limit === null || limit === Infinity ? u32(x.sspr_search_results(q, 0, 0))
        : Math.max(0, Math.floor(Number(limit)) || 0);
      if (cap === 0) return [];
      const out = malloc(cap * SIZEOF_RESULT);
      try {
        const n = Math.min(u32(x.sspr_search_results(q, out, cap)), cap);
        const hits = [];
        fresh();
        for (let i = 0; i < n; i++) hits.push(readResult(out + i * SIZEOF_RESULT));
        return hits.map((h) => Object.freeze({
          score: h.score, confidence: confidenceName(h.confidence), entry: entry(h.entry),
        }));
      } finally {
        x.free(out);
      }
    });
  };

  const byId = (id) => withText(id, (p) => entry(x.sspr_by_id(p)));
  const byName = (name) => withText(name, (p) => entry(x.sspr_by_name(p)));
  const pointers = (fill) => entries(counted(fill, 4, pointerAt));
  // A number in 0..2^32-1, or null: the signed form of an HRESULT is accepted.
  const toU32 = (v, signed) => {
    const n = Number(v);
    if (!Number.isInteger(n)) return null;
    if (signed && n < 0 && n >= -0x80000000) return n >>> 0;
    return n >= 0 && n <= 0xffffffff ? n : null;
  };
  const byCode = (code, source = null) => {
    const c = toU32(code, false);
    if (c === null) return [];
    if (source === null || source === undefined) {
      return pointers((out, cap) => x.sspr_by_code(0, c, out, cap));
    }
    return withText(source, (s) => pointers((out, cap) => x.sspr_by_code(s, c, out, cap)));
  };
  const byHresult = (hresult) => {
    const h = toU32(hresult, true);
    return h === null ? [] : pointers((out, cap) => x.sspr_by_hresult(h, out, cap));
  };

  // An HRESULT as `sspr-errors decode` reads it ("0x800700CE", "hr=800700CE",
  // "-2147024690"), or null.
  const parseHresult = (text) => withText(text, (p) => {
    const out = malloc(4);
    try {
      if (!x.sspr_hresult_parse(p, out)) return null;
      fresh();
      return dv.getUint32(out, true);
    } finally {
      x.free(out);
    }
  });

  // What the bits of an HRESULT say, and the entries that are it:
  // `sspr-errors decode --json HRESULT`; null when it is not an HRESULT.
  const decode = (hresult) => {
    const hr = typeof hresult === 'number' || typeof hresult === 'bigint' ? toU32(hresult, true)
      : parseHresult(hresult);
    if (hr === null) return null;
    const facility = x.sspr_hresult_facility(hr) >>> 0;
    const code = x.sspr_hresult_code(hr) >>> 0;
    const win32 = facility === 7;
    return Object.freeze({
      hresult: hex32(hr),
      severity: x.sspr_hresult_severity(hr) ? 'error' : 'success',
      facility,
      facility_name: str(x.sspr_facility_name(facility)),
      code,
      win32_name: win32 ? str(x.sspr_win32_error_name(code)) : null,
      message: win32 ? str(x.sspr_win32_error_message(code)) : null,
      entries: byHresult(hr).map((e) => e.id),
    });
  };

  // ---- scanning ---------------------------------------------------------------------

  // The scanner callbacks: one table slot per signature for the whole module;
  // ctx says which Scanner gets the call.
  const scanners = new Map();
  let nextScanner = 1;
  let slots = null;
  const table = x.__indirect_function_table;
  const slot = (fn) => {
    const i = table.grow(1);
    table.set(i, fn);
    return i;
  };
  const callbacks = () => {
    if (!slots) {
      slots = {
        // void on_match(void *ctx, const sspr_entry *e, uint64_t line)
        match: slot(trampoline([0x7f, 0x7f, 0x7e], [], (ctx, e, line) =>
          scanners.get(ctx).push({ line: u64(line), id: idOf(e) }))),
        // void on_record(void *ctx, const sspr_record *r)
        record: slot(trampoline([0x7f, 0x7f], [], (ctx, r) =>
          scanners.get(ctx).push(readRecord(r, scanners.get(ctx).lines)))),
        // int64_t read(void *ctx, void *buf, size_t len): an .evtx file's next bytes
        read: slot(trampoline([0x7f, 0x7f, 0x7f], [0x7e], (ctx, buf, len) => {
          const r = scanners.get(ctx).input;
          const part = r.bytes.subarray(r.at, r.at + (len >>> 0));
          fresh();
          u8.set(part, buf);
          r.at += part.length;
          return BigInt(part.length);
        })),
      };
    }
    return slots;
  };

  const readRecord = (r, lines) => {
    const o = {};
    RECORD_FIELDS.forEach(([key, kind], field) => {
      if (kind === 'text') {
        o[key] = str(x.sspr_record_text(r, field));
      } else if (kind === 'number') {
        const v = i64(x.sspr_record_number(r, field));
        o[key] = v >= 0 ? v : null;
      } else if (kind === 'hresults') {
        const n = u32(x.sspr_record_hresult_count(r));
        o[key] = [];
        for (let i = 0; i < n; i++) o[key].push(hex32(x.sspr_record_hresult(r, i)));
      } else {
        const n = u32(x.sspr_record_entry_count(r));
        o[key] = [];
        for (let i = 0; i < n; i++) o[key].push(idOf(x.sspr_record_entry(r, i)));
      }
    });
    if (lines) {
      o.line = u64(x.sspr_record_line(r));
      o.last_line = u64(x.sspr_record_last_line(r));
      o.confidence = [];
      for (let i = 0; i < o.entries.length; i++) {
        o.confidence.push(confidenceName(x.sspr_record_confidence(r, i)));
      }
    }
    return o;
  };

  const release = (m) => {
    x.free(m.state);
    if (m.buf) x.free(m.buf);
    m.state = m.buf = 0;
    scanners.delete(m.id);
  };
  const unclosed = new FinalizationRegistry(release);

  // A streaming scanner over an exported event log (the C library's
  // sspr_scan_*): feed() it chunks of any size; it returns what the records
  // completed so far report. mode 'records' (the default): one object per
  // record, with the keys of `scan --json --records` (and line, last_line and
  // each entry's confidence when options.lines is true); mode 'matches':
  // {line, id} for each entry a record names (sspr_scan_init). Memory stays
  // constant. close() frees it (finish() leaves the scanner ready for another
  // input).
  class Scanner {
    constructor(options = {}) {
      const mode = options.mode || 'records';
      if (mode !== 'records' && mode !== 'matches') {
        throw new TypeError("sspr-errors: Scanner mode is 'records' or 'matches'");
      }
      const cb = callbacks();
      this._id = nextScanner++;
      this._found = [];
      this._found.lines = !!options.lines;
      // its memory in the module: freed by close(), or when it is collected
      this._mem = { id: this._id, state: malloc(SCANNER_SIZE), buf: 0 };
      scanners.set(this._id, this._found);
      unclosed.register(this, this._mem, this);
      if (mode === 'records') x.sspr_scan_init_records(this._mem.state, cb.record, this._id);
      else x.sspr_scan_init(this._mem.state, cb.match, this._id);
    }

    _take() {
      return this._found.splice(0);
    }

    _live() {
      if (!this._mem.state) throw new Error('sspr-errors: the scanner is closed');
    }

    feed(data) {
      this._live();
      const bytes = typeof data === 'string' ? encoder.encode(data) : asBytes(data);
      const m = this._mem;
      if (!m.buf && bytes.length) m.buf = malloc(CHUNK);
      for (let off = 0; off < bytes.length; off += CHUNK) {
        const part = bytes.subarray(off, Math.min(off + CHUNK, bytes.length));
        fresh();
        u8.set(part, m.buf);
        x.sspr_scan_feed(m.state, m.buf, part.length);
      }
      return this._take();
    }

    finish() {
      this._live();
      x.sspr_scan_finish(this._mem.state);
      return this._take();
    }

    // A whole .evtx file (Windows' binary event log), read by the library a
    // chunk at a time.
    evtx(data) {
      this._live();
      this._found.input = { bytes: asBytes(data), at: 0 };
      try {
        const rc = x.sspr_scan_evtx(this._mem.state, 0, 0, callbacks().read, this._id, 0);
        if (rc === -2) throw new TypeError('sspr-errors: not an .evtx file');
        if (rc !== 0) throw new Error('sspr-errors: the .evtx file could not be read');
      } finally {
        this._found.input = null;
      }
      return this._take();
    }

    close() {
      if (!this._mem.state) return;
      unclosed.unregister(this);
      release(this._mem);
    }
  }

  const isEvtx = (bytes) => {
    if (bytes.length < 8) return false;
    const p = malloc(8);
    try {
      fresh();
      u8.set(bytes.subarray(0, 8), p);
      return !!x.sspr_evtx_is(p, 8);
    } finally {
      x.free(p);
    }
  };

  const scanWith = (input, options) => {
    const s = new Scanner(options);
    try {
      const bytes = typeof input === 'string' ? null : asBytes(input);
      if (bytes && isEvtx(bytes)) return s.evtx(bytes);
      return [...s.feed(bytes || input), ...s.finish()];
    } finally {
      s.close();
    }
  };

  // Scans a whole input (a string, or the bytes of an export in any form the
  // library reads: UTF-8 or UTF-16 text, Event Viewer, wevtutil, PowerShell,
  // CSV, audit-log JSON, or an .evtx file): its records, as
  // `sspr-errors scan --json --records` prints them.
  const scan = (input, options = {}) => scanWith(input, { mode: 'records', lines: options.lines });
  // The same input: {line, id} for each entry a record names, as sspr_scan_init reports.
  const scanMatches = (input) => scanWith(input, { mode: 'matches' });

  return Object.freeze({
    version, catalogVersion, count, at, entries: all,
    lookup, search, byId, byName, byCode, byHresult, parseHresult, decode,
    scan, scanMatches, Scanner,
  });
}

function asBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError('sspr-errors: expected a string, a Uint8Array or an ArrayBuffer');
}

function moduleOf(source) {
  return source instanceof WebAssembly.Module ? source : new WebAssembly.Module(asBytes(source));
}

// The API over a module given as bytes (Uint8Array, ArrayBuffer) or compiled,
// synchronously. Browsers allow synchronous compilation of small modules
// only: use create() there.
function createSync(source) {
  return bind(new WebAssembly.Instance(moduleOf(source), {}));
}

// The same, asynchronously: bytes, a compiled module, or a Response (then
// compiled as it streams in).
async function create(source) {
  let instance;
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (WebAssembly.instantiateStreaming) {
      try {
        ({ instance } = await WebAssembly.instantiateStreaming(source.clone(), {}));
      } catch (err) {
        // a server that sends another Content-Type than application/wasm
      }
    }
    if (!instance) source = await source.arrayBuffer();
  }
  if (!instance) {
    const module = source instanceof WebAssembly.Module ? source
      : await WebAssembly.compile(asBytes(source));
    instance = await WebAssembly.instantiate(module, {});
  }
  return bind(instance);
}

export { create, createSync };
