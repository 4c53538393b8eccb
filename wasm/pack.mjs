// Packs the data of the linked sspr-errors.wasm (see wasm/unpack.c).
//
//   node pack.mjs IN.wasm OUT.wasm
//
// The linker leaves the catalogue's tables as several hundred active data
// segments, about 370 KiB. This step joins them into one image (gaps are
// zeros, as in a fresh memory), DEFLATEs it (node:zlib, level 9), and writes a
// module whose data section holds just the stream, at the top of the initial
// memory (the heap, unused before the first call), and the filled-in
// descriptor sspr__packed; the exported function sspr__unpack becomes the
// start function (and is no longer exported). Everything else is copied as it
// is. Before writing, the packed module is instantiated and its memory
// compared with the image, byte for byte: a packing that does not reproduce
// the data fails the build here, not in a user's browser.
// Deterministic: same input, same output.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { reader, sections as moduleSections } from './sections.mjs';

const [input, output] = process.argv.slice(2);
const die = (msg) => {
  console.error(`pack.mjs: ${input}: ${msg}`);
  process.exit(1);
};
if (!input || !output) {
  console.error('usage: node pack.mjs IN.wasm OUT.wasm');
  process.exit(2);
}
const bytes = readFileSync(input);
// what sections.mjs throws (a truncated module) is this tool's one-line error
process.on('uncaughtException', (e) => die(e.message));
const MAGIC = [0x52505353, 0x4b434150]; // "SSPRPACK", little-endian words
const ENTRY = 'sspr__unpack';
const PAGE = 65536;

// ---- reading ----------------------------------------------------------------

const sections = moduleSections(bytes);
const section = (id) => sections.find((s) => s.id === id);

// the start function: the export ENTRY, of type [] -> []
const exportSec = section(7);
if (!exportSec) die('no export section');
const exportsOut = [];
let entry = -1;
{
  const r = reader(exportSec.body);
  for (let n = r.leb(); n > 0; n--) {
    const start = r.pos;
    const name = r.name();
    const kind = r.u8();
    const index = r.leb();
    if (name === ENTRY && kind === 0) entry = index;
    else exportsOut.push(exportSec.body.subarray(start, r.pos));
  }
}
if (entry < 0) die(`no exported function ${ENTRY}`);
if (section(2) && reader(section(2).body).leb() !== 0) die('the module imports: function indices would shift');
if (section(8)) die('the module has a start function already');
{
  const types = [];
  const r = reader(section(1).body);
  for (let n = r.leb(); n > 0; n--) {
    if (r.u8() !== 0x60) die('unexpected type form');
    const params = r.leb();
    r.bytes(params);
    const results = r.leb();
    r.bytes(results);
    types.push(params + results);
  }
  const f = reader(section(3).body);
  const nfunc = f.leb();
  if (entry >= nfunc) die(`${ENTRY}: no such function`);
  let type = 0;
  for (let i = 0; i <= entry; i++) type = f.leb();
  if (types[type] !== 0) die(`${ENTRY} must take and return nothing`);
}

// the memory's initial size, and the stack's top (the first global)
let memBytes;
{
  const r = reader(section(5).body);
  if (r.leb() !== 1) die('expected one memory');
  r.u8();
  memBytes = r.leb() * PAGE;
}
let stackTop;
{
  const r = reader(section(6).body);
  r.leb();
  r.u8(); // i32
  r.u8(); // mutable
  if (r.u8() !== 0x41) die('the stack pointer does not start as a constant');
  stackTop = r.leb(true);
}

// ---- the data image --------------------------------------------------------------

const segments = [];
{
  const r = reader(section(11).body);
  for (let n = r.leb(); n > 0; n--) {
    if (r.leb() !== 0) die('only active segments of memory 0 can be packed');
    if (r.u8() !== 0x41) die('segment offset is not i32.const');
    const at = r.leb(true);
    if (r.u8() !== 0x0b) die('segment offset expression too long');
    segments.push({ at, data: r.bytes(r.leb()) });
  }
}
if (!segments.length) die('no data');
const lo = Math.min(...segments.map((s) => s.at));
const hi = Math.max(...segments.map((s) => s.at + s.data.length));
const image = Buffer.alloc(hi - lo);
for (const s of segments) image.set(s.data, s.at - lo);

let desc = -1;
for (let i = image.indexOf(Buffer.from('SSPRPACK')); i >= 0; i = image.indexOf(Buffer.from('SSPRPACK'), i + 1)) {
  if (i % 4 === 0 && image.readUInt32LE(i + 8) === 0 && image.readUInt32LE(i + 12) === 0) {
    if (desc >= 0) die('two descriptors');
    desc = i;
  }
}
if (desc < 0 || image.readUInt32LE(desc) !== MAGIC[0]) die('no sspr__packed descriptor in the data');

// The stream is the image as linked, the descriptor's fields still zero:
// inflating it restores exactly the linker's data. The descriptor's own
// segment, outside the stream, carries the filled-in fields; the start
// function reads them before it inflates over them. The stream's place: the
// top of the initial memory, above the stack (the heap, unused so far).
const stream = deflateRawSync(image, { level: 9, memLevel: 9, windowBits: 15 });
const src = (memBytes - stream.length) & ~15;
if (src < Math.max(hi, stackTop)) die('the initial memory has no room above the stack for the stream');
const descriptor = Buffer.from(image.subarray(desc, desc + 24));
descriptor.writeUInt32LE(src, 8);
descriptor.writeUInt32LE(stream.length, 12);
descriptor.writeUInt32LE(lo, 16);
descriptor.writeUInt32LE(image.length, 20);

// ---- writing --------------------------------------------------------------------

function leb(v) {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}
function sleb(v) {
  const out = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) {
      out.push(b);
      return Buffer.from(out);
    }
    out.push(b | 0x80);
  }
}
const vec = (items) => Buffer.concat([leb(items.length), ...items]);
const activeSegment = (at, data) => Buffer.concat([leb(0), Buffer.from([0x41]), sleb(at),
  Buffer.from([0x0b]), leb(data.length), data]);

const newSections = [];
for (const s of sections) {
  if (s.id === 7) newSections.push({ id: 7, body: vec(exportsOut) });
  else if (s.id === 11) {
    newSections.push({
      id: 11,
      body: vec([activeSegment(lo + desc, descriptor), activeSegment(src, stream)]),
    });
  } else if (s.id === 12) newSections.push({ id: 12, body: leb(2) });
  else newSections.push(s);
  if (s.id === 7) newSections.push({ id: 8, body: leb(entry) });
}
const out = Buffer.concat([bytes.subarray(0, 8),
  ...newSections.map((s) => Buffer.concat([Buffer.from([s.id]), leb(s.body.length), s.body]))]);

// ---- the check ------------------------------------------------------------------

const { instance } = await WebAssembly.instantiate(out, {});
const memory = new Uint8Array(instance.exports.memory.buffer);
if (Buffer.compare(memory.subarray(lo, hi), image) !== 0) die('the packed module does not unpack to its data');

writeFileSync(output + '.tmp', out);
renameSync(output + '.tmp', output);
console.log(`pack.mjs: ${output}: ${out.length} bytes (data ${image.length} -> ${stream.length})`);
