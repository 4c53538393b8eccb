// Replays tests/vectors/lookup.tsv, written by the C library: the package
// must give the same ids in the same order as C, Python and Rust.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { esm as s } from './helpers.mjs';

const path = process.env.SSPR_ERRORS_VECTORS;

function run(fn, query) {
  switch (fn) {
    case 'lookup': return s.lookup(query).map((e) => e.id);
    case 'by_id': case 'by_name': {
      const e = fn === 'by_id' ? s.byId(query) : s.byName(query);
      return e ? [e.id] : [];
    }
    case 'by_code': {
      const cut = query.lastIndexOf(':');
      return s.byCode(Number(query.slice(cut + 1)), query.slice(0, cut) || null).map((e) => e.id);
    }
    case 'by_hresult': return s.byHresult(parseInt(query, 16)).map((e) => e.id);
    case 'search': return s.search(query, { limit: 5 }).map((h) => h.entry.id);
    case 'scan': {
      const bytes = readFileSync(join(dirname(path), query));
      const got = s.scanMatches(bytes).map((m) => `${m.line}:${m.id}`);
      const scanner = new s.Scanner({ mode: 'matches' });
      const one = [];
      for (let i = 0; i < bytes.length; i++) one.push(...scanner.feed(bytes.subarray(i, i + 1)));
      one.push(...scanner.finish());
      scanner.close();
      assert.deepEqual(one.map((m) => `${m.line}:${m.id}`), got, `${query}, a byte at a time`);
      return got;
    }
    default: throw new Error(`unknown function ${fn}`);
  }
}

test('the test vector', () => {
  const lines = readFileSync(path, 'utf8').split('\n');
  let rows = 0;
  const failures = [];
  lines.forEach((line, i) => {
    if (!line || line.startsWith('#')) return;
    const [fn, query, want] = line.split('\t');
    const got = run(fn, query).join(' ');
    rows++;
    if (got !== want) failures.push(`${path}:${i + 1}: ${fn}(${JSON.stringify(query)}) gave [${got}], want [${want}]`);
  });
  assert.ok(rows > 1000, `only ${rows} rows`);
  assert.deepEqual(failures, []);
  console.log(`# ${rows} vector rows replayed`);
});
