// sspr-errors.wasm stands alone: it imports nothing, exports exactly the
// functions of src/lib/libsspr-errors.map (with malloc and free, its memory
// and its function table, and the runtime's own few), and fits its budget.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import test from 'node:test';
import { reader, sections } from './sections.mjs';

const wasm = process.env.SSPR_ERRORS_WASM;
const map = process.env.SSPR_ERRORS_MAP;
const bytes = readFileSync(wasm);
const module = new WebAssembly.Module(bytes);

// The size budget of the issue that brought the module: 256 KiB, the module's
// own bytes. The catalogue's tables (about 370 KiB as linked, 2026-12: 163
// entries, a search index and the scanner's patterns) are stored DEFLATEd and
// unpacked by the start function (wasm/pack.mjs, wasm/unpack.c).
const BUDGET = 256 * 1024;

test('imports nothing', () => {
  assert.deepEqual(WebAssembly.Module.imports(module), []);
});

test('exports the functions of the version script, and no other sspr_ one', () => {
  const want = [...readFileSync(map, 'utf8').matchAll(/^\s+(sspr_\w+);/gm)].map((m) => m[1]);
  assert.ok(want.length >= 60, `only ${want.length} functions in ${map}`);
  const exports = WebAssembly.Module.exports(module);
  const functions = exports.filter((e) => e.kind === 'function').map((e) => e.name);
  assert.deepEqual(functions.filter((n) => n.startsWith('sspr_')).sort(), [...want].sort());
  for (const name of ['malloc', 'free', '_initialize']) assert.ok(functions.includes(name), name);
  const others = exports.filter((e) => e.kind !== 'function').map((e) => `${e.kind} ${e.name}`);
  assert.deepEqual(others.sort(), ['memory memory', 'table __indirect_function_table']);
});

// The NUL-terminated string at p in the memory of the instance x.
function text(x, p) {
  const u8 = new Uint8Array(x.memory.buffer);
  let end = p;
  while (u8[end]) end++;
  return new TextDecoder().decode(u8.subarray(p, end));
}

test('instantiates from its bytes alone and answers', async () => {
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const x = instance.exports;
  x._initialize();
  assert.match(text(x, x.sspr_version()), /^\d+\.\d+\.\d+$/);
  assert.ok(x.sspr_count() > 100);
  assert.equal(typeof x.sspr_entry_code(x.sspr_at(0)), 'bigint');
});

test(`size: within ${BUDGET / 1024} KiB`, () => {
  const size = statSync(wasm).size;
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`# sspr-errors.wasm: ${size} bytes, ${gz} gzipped`);
  assert.ok(size <= BUDGET, `${size} bytes`);
});

// The data is packed: one stream and the descriptor, a start function, and
// no export left of sspr__unpack; a second instance unpacks as the first did.
test('data packed, unpacked at instantiation', async () => {
  assert.ok(!WebAssembly.Module.exports(module).some((e) => e.name === 'sspr__unpack'));
  const all = sections(bytes);
  assert.equal(reader(all.find((s) => s.id === 11).body).leb(), 2, 'two data segments');
  assert.ok(all.some((s) => s.id === 8), 'a start section');
  const a = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  const b = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  a._initialize();
  b._initialize();
  for (let i = 0; i < a.sspr_count(); i++) {
    assert.equal(text(a, a.sspr_entry_title(a.sspr_at(i))), text(b, b.sspr_entry_title(b.sspr_at(i))));
    assert.ok(text(a, a.sspr_entry_id(a.sspr_at(i))).length > 0);
  }
});
