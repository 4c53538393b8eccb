// WebAssembly beside native: sspr_lookup and sspr_search per call over the
// queries of the search quality set, timed in sspr-errors.wasm under Node the
// way bench-queries (bench/bench_queries.c, the same library compiled
// natively) times them: the fastest of 15 runs, each run every query 20
// times, after a warm-up (other load on the machine only ever adds time), the
// two sides measured in turn three times. Then the same through the npm package's functions (which
// also copy the text in and build the answer's objects), and the size of the
// .wasm against its budget.
//
//   node bench/bench_wasm.mjs BENCH-QUERIES SSPR-ERRORS.WASM QUERIES.tsv [PACKAGE-DIR]
//   (ninja -C build-wasm bench-wasm runs it)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [nativeBench, wasmPath, queriesPath, packageDir] = process.argv.slice(2);
if (!queriesPath) {
  console.error('usage: bench_wasm.mjs BENCH-QUERIES SSPR-ERRORS.WASM QUERIES.tsv [PACKAGE-DIR]');
  process.exit(2);
}
const REPS = 15;
const LOOPS = 20;
const ROUNDS = 3;
const BUDGET = 256 * 1024;

// The queries, read as bench_queries.c reads them.
const texts = [];
const ids = [];
for (const line of readFileSync(queriesPath, 'utf8').split('\n')) {
  const tab = line.indexOf('\t');
  if (line.startsWith('#') || tab < 0) continue;
  texts.push(line.slice(tab + 1).replace(/\r$/, ''));
  ids.push(...line.slice(0, tab).split('|').filter(Boolean));
}

function fastest(run, n) {
  run(); // warm-up
  let best = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < LOOPS; k++) run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / (LOOPS * n));
  }
  return best;
}

// The module's own exports, the queries copied into its memory once: what
// the calls cost in WebAssembly.
const bytes = readFileSync(wasmPath);
const { instance } = await WebAssembly.instantiate(bytes, {});
const x = instance.exports;
x._initialize();
const encoder = new TextEncoder();
const place = (list) => list.map((q) => {
  const b = encoder.encode(q);
  const p = x.malloc(b.length + 1);
  new Uint8Array(x.memory.buffer).set([...b, 0], p);
  return p;
});
const idPtrs = place(ids);
const textPtrs = place(texts);
const out = x.malloc(16 * 4);
const hits = x.malloc(5 * 16);
let sink = 0;
const timeWasm = () => ({
  lookup_ids: fastest(() => { for (const p of idPtrs) sink += x.sspr_lookup(p, out, 16); }, ids.length),
  lookup_texts: fastest(() => { for (const p of textPtrs) sink += x.sspr_lookup(p, out, 16); },
    texts.length),
  search: fastest(() => { for (const p of textPtrs) sink += x.sspr_search(p, hits, 5); }, texts.length),
});
const timeNative = () => JSON.parse(execFileSync(nativeBench, [queriesPath], { encoding: 'utf8' }));
// Native and wasm in turn, ROUNDS times, the fastest of each: a burst of other
// load then costs both sides alike.
const min = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, Math.min(a[k], b[k])]));
let native = timeNative();
let wasm = timeWasm();
for (let r = 1; r < ROUNDS; r++) {
  native = min(native, timeNative());
  wasm = min(wasm, timeWasm());
}

let api = null;
if (packageDir) {
  const s = await import(pathToFileURL(resolve(packageDir, 'index.mjs')).href);
  api = {
    lookup_ids: fastest(() => { for (const q of ids) sink += s.lookup(q).length; }, ids.length),
    lookup_texts: fastest(() => { for (const q of texts) sink += s.lookup(q).length; }, texts.length),
    search: fastest(() => { for (const q of texts) sink += s.search(q).length; }, texts.length),
  };
}

const us = (ns) => (ns / 1000).toFixed(2).padStart(9);
const rows = [
  ['lookup, entry ids', 'lookup_ids', ids.length],
  ['lookup, ticket phrasings', 'lookup_texts', texts.length],
  ['search, ticket phrasings', 'search', texts.length],
];
console.log(`Per call, microseconds (fastest of ${ROUNDS} x ${REPS} runs; Node ${process.versions.node})`);
console.log(`${'call'.padEnd(32)} ${'native'.padStart(9)} ${'wasm'.padStart(9)}  ratio` +
  (api ? `  ${'npm API'.padStart(9)}  ratio` : ''));
for (const [label, key, n] of rows) {
  let line = `${(label + ` (${n})`).padEnd(32)} ${us(native[key])} ${us(wasm[key])}` +
    `  ${(wasm[key] / native[key]).toFixed(2).padStart(5)}x`;
  if (api) line += `  ${us(api[key])}  ${(api[key] / native[key]).toFixed(2).padStart(5)}x`;
  console.log(line);
}
const size = bytes.length;
const gz = gzipSync(bytes, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1);
console.log(`sspr-errors.wasm: ${size} bytes (${kib(size)} KiB), ${gz} gzipped (${kib(gz)} KiB); ` +
  `budget ${kib(BUDGET)} KiB: ${size <= BUDGET ? 'within' : `over by ${kib(size - BUDGET)} KiB`}` +
  (gz <= BUDGET ? ', gzipped within' : ''));
if (sink < 0) console.log(sink);
