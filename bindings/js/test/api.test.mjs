// The package answers what the C library answers, with the keys of the CLI's
// JSON output: lookup as `lookup --json`, search as `search --json`, byId as
// `show --json`, decode as `decode --json`, scan as `scan --json --records`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { cjs, cliJson, cliText, esm, packageDir, scanInputs } from './helpers.mjs';

const s = esm;
const plain = (v) => JSON.parse(JSON.stringify(v));

test('versions', () => {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  assert.equal(s.version(), pkg.version);
  assert.match(cliText('--version'), new RegExp(`catalogue ${s.catalogVersion().replace(/\./g, '\\.')}`));
});

test('entries: every one as list --json prints it', () => {
  const all = s.entries();
  assert.equal(all.length, s.count());
  assert.deepEqual(plain(all), cliJson('list', '--json'));
  assert.equal(s.at(0), all[0]);
  assert.equal(s.at(all.length), null);
  for (const e of all) assert.equal(s.byId(e.id.toUpperCase()), e);
});

test('byId as show --json', () => {
  assert.deepEqual(plain(s.byId('prs-32009')), cliJson('show', '--json', 'prs-32009')[0]);
  assert.equal(s.byId('no-such-entry'), null);
  assert.ok(Object.isFrozen(s.byId('prs-32009').facts));
});

const lookups = ['32009', 'Event ID 32009', 'ADSync:6329', 'PasswordResetService 33004',
  '0x80230619', 'hr=800700CE', '-2145188327', 'HR 8023042', 'AuthTokenError', 'adunknownerror',
  'prs-31017', 'Error getting auth token',
  '14:02 PasswordResetService: Error getting auth token, retrying', 'nothing like this',
  'contact your administrator', 'Änderung des Kennworts ist fehlgeschlagen', '6329'];

test('lookup as lookup --json', () => {
  for (const q of lookups) assert.deepEqual(plain(s.lookup(q)), cliJson('lookup', '--json', q), q);
  assert.deepEqual(s.lookup(''), []);
  assert.deepEqual(plain(s.lookup(new TextEncoder().encode('32009'))), plain(s.lookup('32009')));
});

const searches = ['the text message with the code never arrives', 'writeback broke after we added a second forest',
  'event 6800 after restarting sync service', 'prs-32009', 'zzzz qqqq', 'the', 'licence'];

test('search as search --json', () => {
  for (const q of searches) {
    for (const limit of [5, 20]) {
      const want = cliJson('search', '--json', '--limit', String(limit), q);
      const got = s.search(q, { limit }).map((h) => ({ ...plain(h), score: Number(h.score.toFixed(4)) }));
      assert.deepEqual(got, want, q);
    }
  }
  const all = s.search('password', { limit: null });
  assert.ok(all.length > 20);
  assert.deepEqual(s.search('password', { limit: Infinity }).length, all.length);
  assert.equal(s.search('password').length, 5);
  assert.deepEqual(s.search('password', { limit: 0 }), []);
});

test('decode as decode --json', () => {
  for (const hr of ['hr=800700CE', '0x80230619', '-2147024891', 'HR 8023042', '0x00000000', '0xFFFFFFFF']) {
    assert.deepEqual(plain(s.decode(hr)), cliJson('decode', '--json', hr), hr);
  }
  assert.deepEqual(s.decode(0x800700ce), s.decode('0x800700CE'));
  assert.deepEqual(s.decode(-2147024690), s.decode('0x800700CE'));
  assert.equal(s.decode('not an hresult'), null);
  assert.equal(s.decode(2 ** 32), null);
  assert.equal(s.parseHresult('hr=800700CE'), 0x800700ce);
});

test('byName, byCode, byHresult', () => {
  assert.equal(s.byName('ADUnknownError').code, 33001);
  assert.equal(s.byName('nope'), null);
  assert.equal(s.byCode(32009)[0].id, 'prs-32009');
  assert.ok(s.byCode(6329, 'ADSync').every((e) => e.source === 'ADSync' || e.source === null));
  assert.deepEqual(s.byCode(6329, 'PasswordResetService'), []);
  assert.deepEqual(s.byCode(-1), []);
  assert.deepEqual(s.byHresult(0x80230619).map((e) => e.id), s.byHresult(-2145188327).map((e) => e.id));
  assert.equal(s.byHresult(0x80230619)[0].hresults[0], '0x80230619');
});

test('scan as scan --records --json, for every form the scanner reads', () => {
  const inputs = scanInputs();
  assert.ok(inputs.length > 25);
  for (const file of inputs) {
    const bytes = readFileSync(file);
    assert.deepEqual(s.scan(bytes), cliJson('scan', '--records', '--json', file), file);
  }
});

test('scan: text, bytes and chunks agree; lines and confidence on request', () => {
  const text = '14:02 PasswordResetService: Error getting auth token\nall quiet\nhr=800700CE\n';
  const records = s.scan(text);
  assert.deepEqual(records, s.scan(new TextEncoder().encode(text)));
  assert.deepEqual(records.map((r) => r.entries), [['prs-32009'], ['adsync-hr-800700ce']]);
  const withLines = s.scan(text, { lines: true });
  assert.deepEqual(withLines.map((r) => [r.line, r.last_line, r.confidence]), [[1, 1, ['high']], [3, 3, ['high']]]);
  assert.deepEqual(s.scanMatches(text), [{ line: 1, id: 'prs-32009' }, { line: 3, id: 'adsync-hr-800700ce' }]);
  const scanner = new s.Scanner();
  const got = [];
  for (const ch of new TextEncoder().encode(text)) got.push(...scanner.feed(new Uint8Array([ch])));
  got.push(...scanner.finish());
  assert.deepEqual(got, records);
  got.length = 0; // ready for another input
  got.push(...scanner.feed(text), ...scanner.finish());
  assert.deepEqual(got, records);
  scanner.close();
  assert.throws(() => scanner.feed('x'), /closed/);
  assert.deepEqual(s.scan(''), []);
});

test('a long input is fed in pieces, in constant memory', () => {
  const line = 'Event ID 33004: the MA account lacks rights hr=80230626 on AADC01\n';
  const text = line.repeat(20000); // 1.3 MB
  const records = s.scan(text);
  assert.equal(records.length, 20000);
  assert.deepEqual(records[19999], records[0]);
});

test('CommonJS and ES module entry points give the same answers', () => {
  assert.deepEqual(plain(cjs.lookup('32009')), plain(s.lookup('32009')));
  assert.deepEqual(Object.keys(cjs).filter((k) => k !== 'default').sort(),
    Object.keys(s).filter((k) => k !== 'default').sort());
});

test('errors', async () => {
  assert.throws(() => s.lookup('a\0b'), TypeError);
  assert.throws(() => s.scan(42), TypeError);
  assert.throws(() => new s.Scanner({ mode: 'nope' }), TypeError);
  assert.equal(await s.init(), s.default);
});
